import { sql } from "kysely";
import { findLatestOfferForApplication, lockOffer } from "#db/queries/offers.js";
import type { UseCaseContext } from "../after-commit.js";
import { moveApplication } from "../applications/move-application.server.js";
import { cancelTouchpoints } from "./keep-in-touch.server.js";
import { OfferError } from "./offer.errors.js";
import { noShowMayBeRecorded, ukToday } from "./offer-rules.js";
import type { Actor } from "./record-offer.server.js";

export const NO_SHOW_REASON = "Did not start (no-show)";

/** The start date came and the person never did: recorded by the lead, nothing more is sent. */
export async function recordNoShow(ctx: UseCaseContext, args: { applicationId: string; actor: Actor; today?: string }) {
  const { trx } = ctx;
  const found = await findLatestOfferForApplication(trx, args.applicationId);
  if (!found) throw new OfferError("not_found", "We could not find that offer.");
  const offer = await lockOffer(trx, found.id);
  if (!offer) throw new OfferError("not_found", "We could not find that offer.");
  if (offer.status !== "accepted") throw new OfferError("wrong_status", "Only an accepted offer that has not started can be a no-show.");
  if (!noShowMayBeRecorded(offer.startDate, args.today ?? ukToday()))
    throw new OfferError("too_early", "A no-show can be recorded from the start date.");
  await trx
    .updateTable("offers")
    .set({ status: "no_show", noShowFlaggedAt: sql`coalesce(no_show_flagged_at, now())` })
    .where("id", "=", offer.id)
    .execute();
  await cancelTouchpoints(trx, offer.id);
  await moveApplication(ctx, { applicationId: args.applicationId, to: "withdrawn", reason: NO_SHOW_REASON, actor: args.actor });
}
