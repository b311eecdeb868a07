import { sql } from "kysely";
import type { StaffRole } from "#db/schema.js";
import type { UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { OfferError } from "./offer.errors.js";

const MAY_MARK_ANY: StaffRole[] = ["lead", "admin"];

/** Whether this person may mark the offer's buddy calls done: a lead or admin, or the buddy. */
export const mayMarkBuddyCall = (actor: { userId: string; role: StaffRole }, offer: { buddyUserId: string | null }) =>
  MAY_MARK_ANY.includes(actor.role) || (offer.buddyUserId !== null && offer.buddyUserId === actor.userId);

/**
 * The buddy (or a lead) says a buddy call happened, with an optional short note. Marking it again
 * keeps the first time and updates the note. Refused for anyone else, and for a call that was
 * cancelled (the person withdrew, or the start moved it away).
 */
export async function markBuddyCallDone(
  { trx }: UseCaseContext,
  input: { applicationId: string; touchpointId: string; note: string; actor: { userId: string; name: string; role: StaffRole } },
) {
  const found = await trx
    .selectFrom("touchpoints")
    .innerJoin("offers", "offers.id", "touchpoints.offerId")
    .leftJoin("teamMembers as buddy", "buddy.id", "offers.buddyMemberId")
    .select([
      "touchpoints.id",
      "touchpoints.kind",
      "touchpoints.seq",
      "touchpoints.cancelledAt",
      "offers.applicationId",
      "buddy.userId as buddyUserId",
    ])
    .where("touchpoints.id", "=", input.touchpointId)
    .forUpdate("touchpoints")
    .executeTakeFirst();
  if (found?.kind !== "buddy_call" || found.applicationId !== input.applicationId) {
    throw new OfferError("not_found", "We could not find that call.");
  }
  if (!mayMarkBuddyCall(input.actor, found)) throw new OfferError("not_allowed", "Only their buddy or a lead can mark this call as done.");
  if (found.cancelledAt) throw new OfferError("wrong_status", "This call was cancelled, so there is nothing to mark.");
  await trx
    .updateTable("touchpoints")
    .set({ doneAt: sql`coalesce(done_at, now())`, note: input.note.trim() })
    .where("id", "=", found.id)
    .execute();
  await recordAudit(trx, {
    actor: input.actor,
    kind: "candidate",
    action: "offer.buddy-call",
    subjectId: found.applicationId,
    summary: `Marked the week ${found.seq} buddy call as done`,
  });
  return { applicationId: found.applicationId };
}
