import { sql } from "kysely";
import type { CheckinAnswer } from "#db/schema.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";
import { listUsersWithRoles } from "#db/queries/users.js";

/**
 * The new starter replies from their link: to a keep-in-touch email ("got it", with an optional
 * message) or to a wellbeing check-in (how it is going). A worried answer tells the leads and admins at
 * once (once per check-in). Answering again updates the answer.
 */
export async function answerTouchpoint(
  ctx: UseCaseContext,
  touchpointId: string,
  reply: { answer?: CheckinAnswer; note: string },
): Promise<void> {
  const touchpoint = await ctx.trx
    .updateTable("touchpoints")
    .set({ repliedAt: sql`now()`, answer: reply.answer ?? null, note: reply.note.trim() })
    .where("id", "=", touchpointId)
    .where("sentAt", "is not", null)
    .returning(["offerId", "kind"])
    .executeTakeFirst();
  if (!touchpoint || reply.answer !== "worried") return;
  for (const lead of await listUsersWithRoles(ctx.trx, ["lead", "admin"])) {
    await sendOnceAfterCommit(ctx, `worried-${touchpointId}-${lead.id}`, {
      kind: "offer-alert",
      offerId: touchpoint.offerId,
      userId: lead.id,
      variant: "worried",
      touchpointId,
    });
  }
}
