import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { randomToken, sha256 } from "../links/tokens.server.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { averageProfile, type SurveyProfile, TEAM_PROFILE_MIN_MEMBERS } from "./scoring.js";

export const MEMBER_LINK_DAYS = 14;

/** A personal survey link for a team member: 256 random bits, stored as a hash, valid 14 days. */
export async function createMemberSurveyLink(trx: Tx, appUrl: string, teamMemberId: string) {
  const token = randomToken();
  await trx
    .insertInto("memberSurveyLinks")
    .values({ tokenHash: sha256(token), teamMemberId, expiresAt: new Date(Date.now() + MEMBER_LINK_DAYS * 86_400_000) })
    .execute();
  return `${appUrl}/team-survey/${token}`;
}

/** The team member a survey link belongs to, or null when it is unknown or expired. */
export async function findMemberByLink(db: DB, token: string) {
  const { rows } = await sql<{ orgId: string; teamMemberId: string }>`select * from auth_member_survey_link(${sha256(token)})`.execute(db);
  return rows[0] ?? null;
}

/** Emails a survey link to each active member of the team who has an email and has not finished it. */
export async function inviteTeamToSurvey(ctx: UseCaseContext, teamId: string): Promise<number> {
  const members = await ctx.trx
    .selectFrom("teamMembers")
    .leftJoin("surveyResponses", "surveyResponses.teamMemberId", "teamMembers.id")
    .select("teamMembers.id")
    .where("teamMembers.teamId", "=", teamId)
    .where("teamMembers.leftOn", "is", null)
    .where("teamMembers.email", "is not", null)
    .where("surveyResponses.completedAt", "is", null)
    .execute();
  for (const member of members) await sendAfterCommit(ctx, { kind: "member-survey-invite", teamMemberId: member.id });
  return members.length;
}

/**
 * Profiles to compare a candidate with: the team's (its active members' completed surveys) and
 * the organisation's (every active member's), each only from 3 people up.
 */
export async function findComparisonProfiles(trx: Tx, teamId: string) {
  const rows = await trx
    .selectFrom("surveyResponses")
    .innerJoin("teamMembers", "teamMembers.id", "surveyResponses.teamMemberId")
    .select(["teamMembers.teamId", "surveyResponses.profile"])
    .where("surveyResponses.completedAt", "is not", null)
    .where("teamMembers.leftOn", "is", null)
    .execute();
  const profiles = rows.map((r) => ({ teamId: r.teamId, profile: r.profile as SurveyProfile }));
  const team = profiles.filter((p) => p.teamId === teamId).map((p) => p.profile);
  return {
    team: averageProfile(team),
    teamAnswered: team.length,
    organisation: averageProfile(profiles.map((p) => p.profile)),
    organisationAnswered: profiles.length,
    minimum: TEAM_PROFILE_MIN_MEMBERS,
  };
}
