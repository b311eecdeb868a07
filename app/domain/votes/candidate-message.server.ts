import { findVote } from "#db/queries/votes.js";
import type { UseCaseContext } from "../after-commit.js";
import { moveApplication } from "../applications/move-application.server.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { VoteError } from "./vote.errors.js";

/**
 * After a vote that did not pass (or found no quorum and went to the lead), the lead closes the
 * application with a message in their own words. The candidate gets that message, never the votes.
 */
export async function declineWithMessage(
  ctx: UseCaseContext,
  input: { voteId: string; message: string; actor: { userId: string; name: string } },
): Promise<void> {
  const { trx } = ctx;
  const vote = await findVote(trx, input.voteId);
  if (!vote) throw new VoteError("not_found", "We could not find that vote.");
  if (vote.status !== "closed" || vote.outcome === "passed") {
    throw new VoteError("wrong_stage", "You can write to the candidate once a vote has closed without passing.");
  }
  await moveApplication(ctx, {
    applicationId: vote.applicationId,
    to: "declined",
    expectedStage: "vote",
    reason: vote.outcome === "not_passed" ? "The team vote did not pass." : "No quorum in the team vote; the lead decided not to go ahead.",
    actor: input.actor,
  });
  await trx
    .updateTable("votes")
    .set({ candidateMessage: input.message.trim(), candidateMessageSentAt: new Date() })
    .where("id", "=", vote.id)
    .execute();
  await sendAfterCommit(ctx, { kind: "vote-candidate-message", voteId: vote.id, fromName: input.actor.name });
}

/** A kind first draft for the lead to edit: it thanks them and leaves the door open, and shares no votes. */
export function draftCandidateMessage(teamName: string) {
  return [
    `Thank you for the time you gave us, and for spending a shift with the ${teamName} team.`,
    "The team has thought carefully and has decided not to go ahead with your application this time. We know this is disappointing to hear.",
    "We are grateful for your interest in care work, and you are welcome to apply to us again in the future.",
  ].join("\n\n");
}
