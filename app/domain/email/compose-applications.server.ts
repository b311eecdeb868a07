import { firstName } from "../names.js";
import type { Tx } from "#db/client.js";
import { findApplicationForEmail } from "#db/queries/applications.js";
import { findCandidateForEmail } from "#db/queries/candidates.js";
import { findMemberForEmail } from "#db/queries/teams.js";
import { createLoginLink, LOGIN_TOKEN_MINUTES } from "../links/sign-in-links.server.js";
import { createMemberSurveyLink, MEMBER_LINK_DAYS } from "../survey/member-survey.server.js";
import type { ComposeContext, Composed } from "./compose.js";

const KINDS = ["application-received", "application-duplicate", "candidate-sign-in", "survey-reminder", "member-survey-invite"];

export const isApplicationEmail = (kind: string) => KINDS.includes(kind);

/**
 * The first emails: an application received (or made twice), a candidate's sign-in link, the
 * survey reminders, and a team member's invitation to the values survey. Each carries a fresh
 * single-use link.
 */
export async function composeApplicationEmail(
  trx: Tx,
  kind: string,
  payload: Record<string, string>,
  ctx: ComposeContext,
): Promise<Composed> {
  switch (kind) {
    case "application-received":
    case "application-duplicate": {
      const app = await findApplicationForEmail(trx, payload.applicationId);
      const props = {
        name: firstName(app.fullName),
        jobTitle: app.title,
        orgName: ctx.orgName,
        signInUrl: await createLoginLink(trx, ctx.appUrl, app.candidateId, `/me/survey/${payload.applicationId}`),
        minutes: LOGIN_TOKEN_MINUTES,
      };
      const template = kind === "application-received" ? "application-received" : "already-applied";
      return { to: app.email, email: { template, props } };
    }
    case "candidate-sign-in": {
      const candidate = await findCandidateForEmail(trx, payload.candidateId);
      const signInUrl = await createLoginLink(trx, ctx.appUrl, candidate.id, payload.nextPath);
      return {
        to: candidate.email,
        email: {
          template: "sign-in-link",
          props: { name: firstName(candidate.fullName), orgName: ctx.orgName, signInUrl, minutes: LOGIN_TOKEN_MINUTES },
        },
      };
    }
    case "survey-reminder": {
      const app = await findApplicationForEmail(trx, payload.applicationId);
      const signInUrl = await createLoginLink(trx, ctx.appUrl, app.candidateId, `/me/survey/${payload.applicationId}`);
      return {
        to: app.email,
        email: {
          template: "survey-reminder",
          props: {
            name: firstName(app.fullName),
            jobTitle: app.title,
            orgName: ctx.orgName,
            signInUrl,
            started: Boolean(app.responseId),
            minutes: LOGIN_TOKEN_MINUTES,
          },
        },
      };
    }
    case "member-survey-invite": {
      const member = await findMemberForEmail(trx, payload.teamMemberId);
      if (!member.email) throw new Error(`Team member ${member.id} has no email address`);
      const surveyUrl = await createMemberSurveyLink(trx, ctx.appUrl, member.id);
      return {
        to: member.email,
        email: {
          template: "member-survey-invite",
          props: { name: firstName(member.name), teamName: member.teamName, orgName: ctx.orgName, surveyUrl, days: MEMBER_LINK_DAYS },
        },
      };
    }
    default:
      throw new Error(`Not an application email: ${kind}`);
  }
}
