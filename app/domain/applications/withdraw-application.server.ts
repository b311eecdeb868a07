import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { ApplicationError } from "./application.errors.js";
import { moveApplication } from "./move-application.server.js";
import { isOpen, isStage } from "./stages.js";

export type WithdrawInput = { applicationId: string; candidateId: string; name: string; reason: string };

/**
 * A candidate withdraws one of their applications from /me. An accepted offer is withdrawn on the
 * offer page instead (it asks for the reason category the drop-out figures need).
 */
export async function withdrawApplication(ctx: UseCaseContext, input: WithdrawInput) {
  const application = await ctx.trx
    .selectFrom("applications")
    .select(["id", "stage", "candidateId"])
    .where("id", "=", input.applicationId)
    .executeTakeFirst();
  if (!application || application.candidateId !== input.candidateId || !isStage(application.stage)) {
    throw new ApplicationError("not_found", "We could not find that application.");
  }
  if (!isOpen(application.stage)) {
    throw new ApplicationError("stale", "This application has already closed.");
  }
  const reason = input.reason.trim() ? `Withdrawn by the candidate: ${input.reason.trim()}` : "Withdrawn by the candidate";
  await moveApplication(ctx, { applicationId: application.id, to: "withdrawn", reason, actor: { userId: null, name: input.name } });
  await sendAfterCommit(ctx, { kind: "application-withdrawn", applicationId: application.id });
  return { applicationId: application.id };
}
