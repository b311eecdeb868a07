import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SurveyPageRoute } from "#app/components/survey-page-form.js";
import { memberSurveyContext } from "#app/utils/survey-respondent.server.js";
import { loadSurveyPage, saveSurveyPageAction } from "#app/utils/survey-routes.server.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Team values survey: page ${data.pageNumber} of ${data.pageCount}` : "Team values survey" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  return loadSurveyPage(await memberSurveyContext(params.token), params.page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveSurveyPageAction(await memberSurveyContext(params.token), params.page, request);
}

export default SurveyPageRoute;
