import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { CheckinAnswer } from "#db/schema.js";
import { listManagers } from "#db/queries/users.js";
import { addToOutboxOnce, type OutboxRef } from "../email/outbox.server.js";

/**
 * The new starter replies from their link: to a keep-in-touch email ("got it", with an optional
 * message) or to a wellbeing check-in (how it is going). A worried answer tells the leads and admins at
 * once (once per check-in). Answering again updates the answer.
 */
export async function answerTouchpoint(
  trx: Tx,
  touchpointId: string,
  reply: { answer?: CheckinAnswer; note: string },
): Promise<OutboxRef[]> {
  const touchpoint = await trx
    .updateTable("touchpoints")
    .set({ repliedAt: sql`now()`, answer: reply.answer ?? null, note: reply.note.trim() })
    .where("id", "=", touchpointId)
    .where("sentAt", "is not", null)
    .returning(["offerId", "kind"])
    .executeTakeFirst();
  if (!touchpoint || reply.answer !== "worried") return [];
  const refs: OutboxRef[] = [];
  for (const lead of await listManagers(trx)) {
    const ref = await addToOutboxOnce(trx, `worried-${touchpointId}-${lead.id}`, {
      kind: "offer-alert",
      offerId: touchpoint.offerId,
      userId: lead.id,
      variant: "worried",
      touchpointId,
    });
    if (ref) refs.push(ref);
  }
  return refs;
}
