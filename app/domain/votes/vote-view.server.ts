import type { Tx } from "#db/client.js";
import { findApplicationById } from "#db/queries/applications.js";
import { countTeamMix } from "#db/queries/teams.js";
import {
  countTurnout,
  findLatestVoteForApplication,
  findOwnBallot,
  findVote,
  findVoter,
  listBallotsOfClosedVote,
  listVoteAudit,
  listVoters,
} from "#db/queries/votes.js";
import { findShadowSummary } from "../shadow/shadow-summary.server.js";
import { findSurveySummary } from "../survey/survey-summary.server.js";
import { mixAfterHire } from "../teams/mix.js";
import { getMixBand } from "../teams/team-mix.server.js";
import { findWorkshopResult } from "../workshops/assessor-scores.server.js";
import { requiredVotes } from "./decision.js";

type VoteRow = NonNullable<Awaited<ReturnType<typeof findVote>>>;

/**
 * The result of a closed vote, for the team and the lead: the tally and the comments, with names
 * only when the organisation chose open votes. Null while the vote is open: this is the only
 * function that reads how people voted, and it reads nothing before the close.
 */
export async function findVoteResults(trx: Tx, vote: VoteRow) {
  if (vote.status !== "closed" || !vote.outcome || !vote.result) return null;
  const ballots = await listBallotsOfClosedVote(trx, vote.id);
  const open = vote.visibility === "open";
  const comments = ballots
    .filter((b) => b.comment)
    .map((b) => ({ choice: b.choice, comment: b.comment, name: open ? b.name : null }))
    // Secret votes: ordered by choice and text, so the order gives away nobody's name.
    .sort((a, b) => (open ? 0 : a.choice.localeCompare(b.choice) || a.comment.localeCompare(b.comment)));
  return {
    outcome: vote.outcome,
    result: vote.result,
    comments,
    names: open ? ballots.map((b) => ({ name: b.name, choice: b.choice })) : null,
    recordedForOthers: ballots.filter((b) => b.recordedByName).length,
  };
}

/** What the team's mix becomes with this hire, and the team's size against the split point. */
async function mixImpact(trx: Tx, teamId: string, experience: "experienced" | "new_to_care") {
  const [team, band] = await Promise.all([countTeamMix(trx, teamId), getMixBand(trx)]);
  return mixAfterHire(team.experienced, team.size, experience, band);
}

/** Everything one voter needs on one page, plus their own ballot (never anyone else's). */
export async function loadVoterPage(trx: Tx, voteId: string, teamMemberId: string) {
  const vote = await findVote(trx, voteId);
  if (!vote) return null;
  const [application, voter, member] = await Promise.all([
    findApplicationById(trx, vote.applicationId),
    findVoter(trx, voteId, teamMemberId),
    trx.selectFrom("teamMembers").select(["name", "userId"]).where("id", "=", teamMemberId).executeTakeFirst(),
  ]);
  if (!application || !voter || !member) return null;
  const [survey, workshop, shadow, ownBallot, mix, results] = await Promise.all([
    findSurveySummary(trx, application.id, application.teamId),
    // A voter who assessed the workshop and has not submitted does not see the others' scores.
    findWorkshopResult(trx, application.id, member.userId ?? "00000000-0000-0000-0000-000000000000"),
    findShadowSummary(trx, application.id),
    findOwnBallot(trx, voteId, teamMemberId),
    mixImpact(trx, application.teamId, application.experience),
    // A member who declared a conflict of interest does not read colleagues' comments about the candidate.
    voter.conflictReason ? null : findVoteResults(trx, vote),
  ]);
  return {
    vote: {
      id: vote.id,
      status: vote.status,
      rule: vote.rule,
      closesAt: vote.closesAt,
      extended: vote.extended,
      visibility: vote.visibility,
    },
    candidate: {
      applicationId: application.id,
      name: application.fullName,
      jobTitle: application.vacancyTitle,
      teamName: application.teamName,
      experience: application.experience,
      location: application.location,
      // The adjustments the candidate asked for: the application form says everyone they meet sees them.
      adjustments: application.adjustments,
      adjustmentsNote: application.adjustmentsNote,
    },
    voter: { name: voter.name, conflictReason: voter.conflictReason },
    ownBallot,
    survey,
    workshop,
    shadow,
    mix,
    results,
  };
}

type VoterRow = Awaited<ReturnType<typeof listVoters>>[number];
type AuditRow = Awaited<ReturnType<typeof listVoteAudit>>[number];
const toVoter = (v: VoterRow) => ({ teamMemberId: v.teamMemberId, name: v.name, conflictReason: v.conflictReason });
const toAudit = (a: AuditRow) => ({ id: a.id, action: a.action, actorName: a.actorName, memberName: a.memberName, createdAt: a.createdAt });

/** The vote as the lead and coaches see it on the application page. */
export async function loadVoteForStaff(trx: Tx, applicationId: string, teamId: string, experience: "experienced" | "new_to_care") {
  const [mix, row] = await Promise.all([mixImpact(trx, teamId, experience), findLatestVoteForApplication(trx, applicationId)]);
  const [voters, audit, results] = row
    ? await Promise.all([listVoters(trx, row.id), listVoteAudit(trx, row.id), findVoteResults(trx, row)])
    : ([[], [], null] as [Awaited<ReturnType<typeof listVoters>>, Awaited<ReturnType<typeof listVoteAudit>>, null]);
  // Before the close: turnout only (how many have voted, never who voted which way).
  const turnout = row?.status === "open" ? await countTurnout(trx, row.id) : null;
  if (!row) return { mix, vote: null, turnout, voters: voters.map(toVoter), audit: audit.map(toAudit), results };
  return {
    mix,
    vote: {
      id: row.id,
      status: row.status,
      rule: row.rule,
      quorum: row.quorum,
      visibility: row.visibility,
      openedAt: row.openedAt,
      openedByName: row.openedByName,
      closesAt: row.closesAt,
      extended: row.extended,
      outcome: row.outcome,
      candidateMessageSentAt: row.candidateMessageSentAt,
      required: turnout ? requiredVotes(turnout.eligible, row.quorum) : null,
    },
    turnout,
    voters: voters.map(toVoter),
    // The audit trail shows votes recorded on someone's behalf, confirmations and conflicts: not who has voted.
    audit: audit.map(toAudit).filter((a) => a.action !== "voted" && a.action !== "changed"),
    results,
  };
}
