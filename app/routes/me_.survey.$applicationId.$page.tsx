import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SurveyPageRoute } from "#app/components/survey-page-form.js";
import { candidateSurveyContext } from "#app/utils/survey-respondent.server.js";
import { loadSurveyPage, saveSurveyPageAction } from "#app/utils/survey-routes.server.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Values survey: page ${data.pageNumber} of ${data.pageCount}` : "Values survey" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadSurveyPage(await candidateSurveyContext(request, params.applicationId), params.page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveSurveyPageAction(await candidateSurveyContext(request, params.applicationId), params.page, request);
}

export default SurveyPageRoute;
