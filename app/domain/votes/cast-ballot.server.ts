import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { VoteChoice } from "#db/schema.js";
import { findOwnBallot, findVoter, lockVote } from "#db/queries/votes.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { formatLondonDate, formatLondonTime } from "../workshops/london-time.js";
import { type CloseResult, closeVote } from "./close-vote.server.js";
import { VoteError } from "./vote.errors.js";

export type BallotInput = {
  voteId: string;
  teamMemberId: string;
  choice: VoteChoice;
  comment: string;
  /** Set when a coordinator records the vote on the member's behalf. */
  recordedBy?: { userId: string; name: string };
  now?: Date;
};

/** The vote, locked, if it is still open at `now`; otherwise a clear refusal (a late vote is never silently lost). */
async function lockOpenVote(trx: Tx, voteId: string, now: Date) {
  const vote = await lockVote(trx, voteId);
  if (!vote) throw new VoteError("not_found", "We could not find that vote.");
  const closesAt = new Date(vote.closesAt);
  if (vote.status !== "open" || now >= closesAt) {
    const at = vote.closedAt ? new Date(vote.closedAt) : closesAt;
    throw new VoteError("closed", `This vote closed on ${formatLondonDate(at)} at ${formatLondonTime(at)}, so this was not counted.`);
  }
  return vote;
}

async function requireEligible(trx: Tx, voteId: string, teamMemberId: string) {
  const voter = await findVoter(trx, voteId, teamMemberId);
  if (!voter) throw new VoteError("not_eligible", "Only the team's members when the vote opened can vote on it.");
  if (voter.conflictReason) {
    throw new VoteError("not_eligible", `${voter.name} declared a conflict of interest, so they are not voting on this one.`);
  }
  return voter;
}

/**
 * Casts, changes, confirms or records (on a member's behalf) one ballot, while the vote is open.
 * When this was the last eligible member to vote, the vote closes now.
 */
export async function castBallot(ctx: UseCaseContext, input: BallotInput): Promise<{ closed: CloseResult | null; action: string }> {
  const { trx } = ctx;
  const now = input.now ?? new Date();
  await lockOpenVote(trx, input.voteId, now);
  const voter = await requireEligible(trx, input.voteId, input.teamMemberId);
  const existing = await findOwnBallot(trx, input.voteId, input.teamMemberId);
  if (input.recordedBy && existing && !existing.recordedByName) {
    throw new VoteError("not_eligible", `${voter.name} has already voted. They can change their vote from their own link.`);
  }
  const comment = input.comment.trim();
  const confirming = !input.recordedBy && existing?.recordedByName && existing.choice === input.choice && existing.comment === comment;
  const action = input.recordedBy ? "recorded_for" : confirming ? "confirmed" : existing ? "changed" : "voted";
  const values = confirming
    ? { confirmedAt: now }
    : {
        choice: input.choice,
        comment,
        castAt: now,
        recordedByUserId: input.recordedBy?.userId ?? null,
        recordedByName: input.recordedBy?.name ?? null,
        confirmedAt: null,
      };
  await trx
    .insertInto("ballots")
    .values({ voteId: input.voteId, teamMemberId: input.teamMemberId, choice: input.choice, comment, castAt: now, ...values })
    .onConflict((oc) => oc.columns(["voteId", "teamMemberId"]).doUpdateSet(values))
    .execute();
  await trx
    .insertInto("voteAudit")
    .values({
      voteId: input.voteId,
      teamMemberId: input.teamMemberId,
      action,
      actorName: input.recordedBy ? input.recordedBy.name : voter.name,
    })
    .execute();
  if (input.recordedBy && voter.email) {
    await sendAfterCommit(ctx, { kind: "vote-recorded", voteId: input.voteId, teamMemberId: input.teamMemberId });
  }
  const closed = await closeVote(ctx, input.voteId, now);
  return { closed, action };
}

/**
 * A member declares a conflict of interest (a relative, a friend): they leave the roll for this
 * vote, any ballot they cast is removed, and the quorum is counted without them.
 */
export async function declareConflict(
  ctx: UseCaseContext,
  input: { voteId: string; teamMemberId: string; reason: string; now?: Date },
): Promise<{ closed: CloseResult | null }> {
  const { trx } = ctx;
  const now = input.now ?? new Date();
  await lockOpenVote(trx, input.voteId, now);
  const voter = await requireEligible(trx, input.voteId, input.teamMemberId);
  await trx
    .updateTable("voteVoters")
    .set({ conflictReason: input.reason.trim(), conflictDeclaredAt: sql`now()` })
    .where("voteId", "=", input.voteId)
    .where("teamMemberId", "=", input.teamMemberId)
    .execute();
  await trx.deleteFrom("ballots").where("voteId", "=", input.voteId).where("teamMemberId", "=", input.teamMemberId).execute();
  await trx
    .insertInto("voteAudit")
    .values({ voteId: input.voteId, teamMemberId: input.teamMemberId, action: "conflict_declared", actorName: voter.name })
    .execute();
  return { closed: await closeVote(ctx, input.voteId, now) };
}
