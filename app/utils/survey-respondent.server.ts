import { redirect } from "@remix-run/node";
import { getDb } from "#db/client.js";
import { SurveyError } from "#app/domain/survey/survey.errors.js";
import { findMemberByLink } from "#app/domain/survey/member-survey.server.js";
import type { Respondent } from "#app/domain/survey/take-survey.server.js";
import { requireUuid } from "./http-errors.server.js";
import { setLogOrg } from "./request-context.server.js";
import { candidateScope, orgScope, type Run, type Scoped } from "./tenant.server.js";

export type SurveyContext = { respondent: Respondent; scoped: Scoped; run: Run; base: string; actorName: string };

/** The signed-in candidate answering about one of their applications (signed out: off to /me). */
export async function candidateSurveyContext(request: Request, applicationId: string | undefined): Promise<SurveyContext> {
  const id = requireUuid(applicationId);
  const scope = await candidateScope(request);
  if (!scope) throw redirect(`/me?next=${encodeURIComponent(`/me/survey/${id}`)}`);
  return {
    respondent: { applicationId: id, candidateId: scope.candidate.candidateId },
    scoped: scope.scoped,
    run: scope.run,
    base: `/me/survey/${id}`,
    actorName: scope.candidate.name,
  };
}

/** A team member answering from the personal link the lead sent them. */
export async function memberSurveyContext(token: string | undefined): Promise<SurveyContext> {
  const found = token ? await findMemberByLink(getDb(), token) : null;
  if (!found) throw new Response("This survey link has expired or is not right. Ask your lead for a new one.", { status: 404 });
  setLogOrg(found.orgId);
  return {
    respondent: { teamMemberId: found.teamMemberId },
    ...orgScope(found.orgId),
    base: `/team-survey/${token}`,
    actorName: "Team member",
  };
}

/** Survey errors become the page the person sees (404 for a wrong id, 409 when closed). */
export function surveyErrorResponse(error: unknown): never {
  if (error instanceof SurveyError) throw new Response(error.message, { status: error.code === "not_found" ? 404 : 409 });
  throw error;
}
