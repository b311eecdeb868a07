import { countTurnout, listChoicesForClose, listVoters, lockVote } from "#db/queries/votes.js";
import type { UseCaseContext } from "../after-commit.js";
import { addTimelineNote, moveApplication } from "../applications/move-application.server.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";
import { formatLondonDate, formatLondonTime } from "../workshops/london-time.js";
import { decide, describeResult, tally } from "./decision.js";
import { planVoteJobs } from "./vote-plan.js";
import { listUsersWithRoles } from "#db/queries/users.js";

/** When the quorum is not reached, the window is extended once by this much; then it goes to the lead. */
export const VOTE_EXTENSION_HOURS = 48;
const TEAM_VOTE = { userId: null, name: "Team vote" };

export type CloseResult =
  | { kind: "extended"; voteId: string; closesAt: Date }
  | { kind: "closed"; voteId: string; outcome: "passed" | "not_passed" | "no_quorum" };

/**
 * Closes a vote that is due: its deadline has passed, or every eligible member has voted. Runs
 * under the vote's row lock, the same lock every ballot takes, so a ballot cast at the same
 * moment is either in the count or refused as late; and a vote already closed is left alone, so
 * the outcome is computed once however many jobs, sweeps or last ballots try. Returns null when
 * there is nothing to do. An extended window gets its own reminder and close jobs (round 2).
 */
export async function closeVote(ctx: UseCaseContext, voteId: string, now = new Date()): Promise<CloseResult | null> {
  const { trx } = ctx;
  const vote = await lockVote(trx, voteId);
  if (vote?.status !== "open") return null;
  const turnout = await countTurnout(trx, voteId);
  // Early close when everyone has voted, but not while a vote recorded for a member awaits their confirmation.
  const everyoneVoted = turnout.eligible > 0 && turnout.voted === turnout.eligible && turnout.unconfirmed === 0;
  const closesAt = new Date(vote.closesAt);
  if (!everyoneVoted && now < closesAt) return null;

  const { outcome, result } = decide(
    vote.rule,
    vote.quorum,
    turnout.eligible,
    tally((await listChoicesForClose(trx, voteId)).map((b) => b.choice)),
  );

  if (outcome === "no_quorum" && !vote.extended && turnout.eligible > 0) {
    const extendedTo = new Date(Math.max(closesAt.getTime() + VOTE_EXTENSION_HOURS * 3_600_000, now.getTime() + 24 * 3_600_000));
    await trx.updateTable("votes").set({ closesAt: extendedTo, extended: true }).where("id", "=", voteId).execute();
    await addTimelineNote(
      trx,
      vote.applicationId,
      `Team vote: not enough votes by the deadline (${result.cast} of ${result.required} needed). Voting is extended once, to ${formatLondonDate(extendedTo)}, ${formatLondonTime(extendedTo)}.`,
      TEAM_VOTE,
    );
    ctx.after.addJobs(planVoteJobs(vote.orgId, voteId, extendedTo, 2));
    return { kind: "extended", voteId, closesAt: extendedTo };
  }

  await trx
    .updateTable("votes")
    .set({ status: "closed", outcome, result: JSON.stringify(result), closedAt: now })
    .where("id", "=", voteId)
    .execute();
  const summary = describeResult(vote.rule, outcome, result);
  const application = await trx.selectFrom("applications").select("stage").where("id", "=", vote.applicationId).executeTakeFirstOrThrow();
  if (outcome === "passed" && application.stage === "vote") {
    await moveApplication(ctx, {
      applicationId: vote.applicationId,
      to: "offer",
      step: "vote-passed",
      expectedStage: "vote",
      reason: `Team vote closed. ${summary}`,
      actor: TEAM_VOTE,
    });
  } else {
    const next =
      outcome === "passed" ? "" : outcome === "not_passed" ? " The lead will write to the candidate." : " The decision goes to the lead.";
    await addTimelineNote(trx, vote.applicationId, `Team vote closed. ${summary}${next}`, TEAM_VOTE);
  }

  // The lead hears every outcome; the team hears when they have a new colleague.
  const leads = await listUsersWithRoles(trx, ["lead"]);
  for (const lead of leads) {
    await sendOnceAfterCommit(ctx, `vote-outcome-${voteId}-${lead.id}`, { kind: "vote-outcome", voteId, userId: lead.id });
  }
  if (outcome === "passed") {
    for (const voter of await listVoters(trx, voteId)) {
      if (!voter.email) continue;
      await sendOnceAfterCommit(ctx, `vote-outcome-${voteId}-${voter.teamMemberId}`, {
        kind: "vote-outcome",
        voteId,
        teamMemberId: voter.teamMemberId,
      });
    }
  }
  return { kind: "closed", voteId, outcome };
}
