import { lockOffer } from "#db/queries/offers.js";
import type { UseCaseContext } from "../after-commit.js";
import { addTimelineNote } from "../applications/move-application.server.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { syncTouchpoints } from "./keep-in-touch.server.js";
import { OfferError } from "./offer.errors.js";
import { isLiveOffer } from "./offer-rules.js";
import type { Actor } from "./record-offer.server.js";

/**
 * The lead moves the start date of an offer not yet started. An accepted offer's keep-in-touch
 * plan follows the new date ; the candidate is emailed.
 */
export async function changeStartDate(ctx: UseCaseContext, args: { offerId: string; startDate: string; actor: Actor }) {
  const { trx } = ctx;
  const offer = await lockOffer(trx, args.offerId);
  if (!offer) throw new OfferError("not_found", "We could not find that offer.");
  if (!isLiveOffer(offer.status)) {
    throw new OfferError("wrong_status", "The start date can only change before the person starts.", "startDate");
  }
  if (offer.startDate === args.startDate) return { changed: false };
  // A new date is a new chance to start: an earlier no-show flag no longer applies.
  await trx.updateTable("offers").set({ startDate: args.startDate, noShowFlaggedAt: null }).where("id", "=", offer.id).execute();
  await syncTouchpoints(ctx, offer.id);
  await addTimelineNote(trx, offer.applicationId, `Start date moved from ${offer.startDate} to ${args.startDate}`, args.actor);
  await sendAfterCommit(ctx, { kind: "offer-candidate", offerId: offer.id, variant: "moved" });
  return { changed: true };
}
