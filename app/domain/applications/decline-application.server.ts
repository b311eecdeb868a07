import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit, sendLater } from "../email/outbox.server.js";
import { moveApplication, type MoveInput } from "./move-application.server.js";
import { nextMorningNine } from "./outcome-words.js";

export type DeclineInput = {
  applicationId: string;
  expectedStage?: string;
  /** Staff's reason, for the timeline: the candidate never sees it. */
  reason: string;
  /** A line the lead adds to the candidate's email, if any. */
  personalLine: string;
  /** "now", or "morning": 9:00 the next day, UK time. */
  send: "now" | "morning";
  actor: MoveInput["actor"];
  now?: Date;
};

/** A lead declines an application; the candidate is told kindly, in the words for the stage they reached. */
export async function declineApplication(ctx: UseCaseContext, input: DeclineInput) {
  const moved = await moveApplication(ctx, {
    applicationId: input.applicationId,
    to: "declined",
    expectedStage: input.expectedStage,
    reason: input.reason,
    actor: input.actor,
  });
  const message = {
    kind: "application-declined" as const,
    applicationId: input.applicationId,
    stage: moved.from,
    personalLine: input.personalLine.trim(),
  };
  if (input.send === "morning") await sendLater(ctx, message, nextMorningNine(input.now ?? new Date()));
  else await sendAfterCommit(ctx, message);
  return moved;
}
