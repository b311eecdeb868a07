import type { LoaderFunctionArgs } from "@remix-run/node";
import { memberSurveyContext } from "#app/utils/survey-respondent.server.js";
import { resumeSurvey } from "#app/utils/survey-routes.server.js";

export async function loader({ params }: LoaderFunctionArgs) {
  return resumeSurvey(await memberSurveyContext(params.token));
}
