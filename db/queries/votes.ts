import { sql } from "kysely";
import type { Tx } from "../client.js";

// Secrecy lives here: no query returns another voter's choice or a count of choices while a vote
// is open. Ballot choices are read only by `listBallotsOfClosedVote` (closed votes only) and by
// `findOwnBallot` (one member's own ballot); the close counts them inside `closeVote`.

const VOTE_COLUMNS = [
  "votes.id",
  "votes.orgId",
  "votes.applicationId",
  "votes.teamId",
  "votes.status",
  "votes.rule",
  "votes.quorum",
  "votes.visibility",
  "votes.openedAt",
  "votes.openedByName",
  "votes.closesAt",
  "votes.extended",
  "votes.closedAt",
  "votes.outcome",
  "votes.result",
  "votes.candidateMessage",
  "votes.candidateMessageSentAt",
] as const;

export function findVote(trx: Tx, voteId: string) {
  return trx.selectFrom("votes").select(VOTE_COLUMNS).where("votes.id", "=", voteId).executeTakeFirst();
}

/** The vote row, locked: casting, declaring a conflict and closing queue on this lock. */
export function lockVote(trx: Tx, voteId: string) {
  return trx.selectFrom("votes").select(VOTE_COLUMNS).where("votes.id", "=", voteId).forUpdate().executeTakeFirst();
}

/** The application's latest vote, if any. */
export function findLatestVoteForApplication(trx: Tx, applicationId: string) {
  return trx
    .selectFrom("votes")
    .select(VOTE_COLUMNS)
    .where("votes.applicationId", "=", applicationId)
    .orderBy("votes.openedAt", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Everyone on the roll: name, email, experience, conflict (not how they voted). */
export function listVoters(trx: Tx, voteId: string) {
  return trx
    .selectFrom("voteVoters")
    .innerJoin("teamMembers", "teamMembers.id", "voteVoters.teamMemberId")
    .select([
      "voteVoters.teamMemberId",
      "teamMembers.name",
      "teamMembers.email",
      "voteVoters.conflictReason",
      "voteVoters.conflictDeclaredAt",
    ])
    .where("voteVoters.voteId", "=", voteId)
    .orderBy("teamMembers.name")
    .execute();
}

export function findVoter(trx: Tx, voteId: string, teamMemberId: string) {
  return trx
    .selectFrom("voteVoters")
    .innerJoin("teamMembers", "teamMembers.id", "voteVoters.teamMemberId")
    .select(["voteVoters.teamMemberId", "teamMembers.name", "teamMembers.email", "voteVoters.conflictReason"])
    .where("voteVoters.voteId", "=", voteId)
    .where("voteVoters.teamMemberId", "=", teamMemberId)
    .executeTakeFirst();
}

export function findOwnBallot(trx: Tx, voteId: string, teamMemberId: string) {
  return trx
    .selectFrom("ballots")
    .select(["choice", "comment", "castAt", "recordedByName", "confirmedAt"])
    .where("voteId", "=", voteId)
    .where("teamMemberId", "=", teamMemberId)
    .executeTakeFirst();
}

/** Eligible members (no conflict) who have not voted yet: who the reminder goes to. */
export function listEligibleNonVoters(trx: Tx, voteId: string) {
  return trx
    .selectFrom("voteVoters")
    .innerJoin("teamMembers", "teamMembers.id", "voteVoters.teamMemberId")
    .leftJoin("ballots", (join) =>
      join.onRef("ballots.voteId", "=", "voteVoters.voteId").onRef("ballots.teamMemberId", "=", "voteVoters.teamMemberId"),
    )
    .select(["voteVoters.teamMemberId", "teamMembers.email"])
    .where("voteVoters.voteId", "=", voteId)
    .where("voteVoters.conflictDeclaredAt", "is", null)
    .where("ballots.teamMemberId", "is", null)
    .execute();
}

/** Turnout only: how many eligible members there are and how many have voted (never which way). */
export async function countTurnout(trx: Tx, voteId: string) {
  const row = await trx
    .selectFrom("voteVoters")
    .leftJoin("ballots", (join) =>
      join.onRef("ballots.voteId", "=", "voteVoters.voteId").onRef("ballots.teamMemberId", "=", "voteVoters.teamMemberId"),
    )
    .select([
      sql<number>`count(*) filter (where vote_voters.conflict_declared_at is null)::int`.as("eligible"),
      sql<number>`count(ballots.team_member_id) filter (where vote_voters.conflict_declared_at is null)::int`.as("voted"),
      sql<number>`count(ballots.team_member_id) filter (where vote_voters.conflict_declared_at is null and ballots.recorded_by_name is not null and ballots.confirmed_at is null)::int`.as(
        "unconfirmed",
      ),
    ])
    .where("voteVoters.voteId", "=", voteId)
    .executeTakeFirstOrThrow();
  return row;
}

/** The choices, for the close (called under the vote's row lock). */
export function listChoicesForClose(trx: Tx, voteId: string) {
  return trx
    .selectFrom("ballots")
    .innerJoin("voteVoters", (join) =>
      join.onRef("voteVoters.voteId", "=", "ballots.voteId").onRef("voteVoters.teamMemberId", "=", "ballots.teamMemberId"),
    )
    .select("ballots.choice")
    .where("ballots.voteId", "=", voteId)
    .where("voteVoters.conflictDeclaredAt", "is", null)
    .execute();
}

/** Ballots with their comments, only once the vote has closed. */
export function listBallotsOfClosedVote(trx: Tx, voteId: string) {
  return trx
    .selectFrom("ballots")
    .innerJoin("votes", "votes.id", "ballots.voteId")
    .innerJoin("teamMembers", "teamMembers.id", "ballots.teamMemberId")
    .select(["ballots.choice", "ballots.comment", "teamMembers.name", "ballots.recordedByName", "ballots.confirmedAt"])
    .where("ballots.voteId", "=", voteId)
    .where("votes.status", "=", "closed")
    .orderBy("teamMembers.name")
    .execute();
}

export function listVoteAudit(trx: Tx, voteId: string) {
  return trx
    .selectFrom("voteAudit")
    .leftJoin("teamMembers", "teamMembers.id", "voteAudit.teamMemberId")
    .select(["voteAudit.id", "voteAudit.action", "voteAudit.actorName", "voteAudit.createdAt", "teamMembers.name as memberName"])
    .where("voteAudit.voteId", "=", voteId)
    .orderBy("voteAudit.createdAt")
    .execute();
}

/** What the vote emails need: the vote, the candidate and the team. */
export function findVoteContext(trx: Tx, voteId: string) {
  return trx
    .selectFrom("votes")
    .innerJoin("applications", "applications.id", "votes.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancyId")
    .innerJoin("teams", "teams.id", "votes.teamId")
    .select([
      ...VOTE_COLUMNS,
      "candidates.id as candidateId",
      "candidates.fullName as candidateName",
      "candidates.email as candidateEmail",
      "vacancies.title as jobTitle",
      "teams.name as teamName",
    ])
    .where("votes.id", "=", voteId)
    .executeTakeFirstOrThrow();
}

/**
 * Open votes whose roll has one of `memberIds` without a declared conflict (votes they can cast),
 * soonest to close first, with whether that member has voted (their own ballot only, never a choice).
 */
export function listOpenVotesForMembers(trx: Tx, memberIds: string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom("voteVoters")
    .innerJoin("votes", "votes.id", "voteVoters.voteId")
    .innerJoin("applications", "applications.id", "votes.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .innerJoin("teams", "teams.id", "votes.teamId")
    .leftJoin("ballots", (join) =>
      join.onRef("ballots.voteId", "=", "voteVoters.voteId").onRef("ballots.teamMemberId", "=", "voteVoters.teamMemberId"),
    )
    .select([
      "votes.id",
      "votes.closesAt",
      "voteVoters.teamMemberId",
      "candidates.fullName as candidateName",
      "teams.name as teamName",
      "ballots.castAt",
    ])
    .where("voteVoters.teamMemberId", "in", memberIds)
    .where("voteVoters.conflictDeclaredAt", "is", null)
    .where("votes.status", "=", "open")
    .orderBy("votes.closesAt")
    .execute();
}

/** One member's place on a vote's roll when `memberIds` holds it (a signed-in member reaching their own vote). */
export function findRollPlace(trx: Tx, voteId: string, memberIds: string[]) {
  if (memberIds.length === 0) return Promise.resolve(undefined);
  return trx
    .selectFrom("voteVoters")
    .select(["voteVoters.voteId", "voteVoters.teamMemberId"])
    .where("voteVoters.voteId", "=", voteId)
    .where("voteVoters.teamMemberId", "in", memberIds)
    .executeTakeFirst();
}
