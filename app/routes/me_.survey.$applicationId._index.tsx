import type { LoaderFunctionArgs } from "@remix-run/node";
import { candidateSurveyContext } from "#app/utils/survey-respondent.server.js";
import { resumeSurvey } from "#app/utils/survey-routes.server.js";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return resumeSurvey(await candidateSurveyContext(request, params.applicationId));
}
