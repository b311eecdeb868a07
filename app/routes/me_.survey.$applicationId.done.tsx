import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadSurvey } from "#app/domain/survey/take-survey.server.js";
import { candidateSurveyContext, surveyErrorResponse } from "#app/utils/survey-respondent.server.js";

export const meta: MetaFunction = () => [{ title: "Thank you for taking the survey" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await candidateSurveyContext(request, params.applicationId);
  const state = await ctx.scoped((trx) => loadSurvey(trx, ctx.respondent)).catch(surveyErrorResponse);
  return { completed: state.completed, base: ctx.base };
}

// Never shows scores or a verdict: only what happens next.
export default function SurveyDone() {
  const { completed, base } = useLoaderData<typeof loader>();
  if (!completed) {
    return (
      <div className="narrow">
        <h1>You have not finished yet</h1>
        <p>
          <Link to={base}>Carry on with the survey</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Thank you for taking the survey</h1>
      <p className="lede">Your answers help us get to know you. There were no right or wrong answers.</p>
      <h2>What happens next</h2>
      <p>
        We will look at your answers. We will be in touch soon, most often within a week. The next step is a friendly group workshop. You
        meet other people and try out real things from the job together.
      </p>
      <p>
        <Link to="/me">See your applications</Link>
      </p>
    </div>
  );
}
