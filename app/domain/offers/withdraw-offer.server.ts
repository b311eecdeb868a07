import { sql } from "kysely";
import { findLatestOfferForApplication, lockOffer } from "#db/queries/offers.js";
import type { UseCaseContext } from "../after-commit.js";
import { moveApplication } from "../applications/move-application.server.js";
import { cancelTouchpoints } from "./keep-in-touch.server.js";
import { emailLeads } from "./offer-emails.server.js";
import { OfferError } from "./offer.errors.js";
import { WITHDRAWAL_REASONS, type WithdrawalReasonKey } from "./offer.schema.js";
import type { Actor } from "./record-offer.server.js";

/**
 * Post-offer drop-out: someone who accepted will not start after all. Recorded by the lead for
 * them, or by the candidate on their offer page (then the leads are emailed). The reason category
 * is kept on the offer for the drop-out figures, and named in the application's timeline.
 */
export async function withdrawAfterAcceptance(
  ctx: UseCaseContext,
  args: { applicationId: string; reason: WithdrawalReasonKey; note?: string; actor: Actor; candidateId?: string },
): Promise<void> {
  const { trx } = ctx;
  const found = await findLatestOfferForApplication(trx, args.applicationId);
  if (!found || (args.candidateId && found.candidateId !== args.candidateId))
    throw new OfferError("not_found", "We could not find that offer.");
  const offer = await lockOffer(trx, found.id);
  if (!offer) throw new OfferError("not_found", "We could not find that offer.");
  if (offer.status !== "accepted") throw new OfferError("wrong_status", "Only an accepted offer that has not started can be withdrawn.");
  const note = args.note?.trim() || null;
  await trx
    .updateTable("offers")
    .set({ status: "withdrawn", withdrawnAt: sql`now()`, withdrawalReason: args.reason, withdrawalNote: note })
    .where("id", "=", offer.id)
    .execute();
  await cancelTouchpoints(trx, offer.id);
  await moveApplication(ctx, {
    applicationId: args.applicationId,
    to: "withdrawn",
    reason: `Withdrew after accepting the offer: ${WITHDRAWAL_REASONS[args.reason]}${note ? ` (${note})` : ""}`,
    actor: args.actor,
  });
  if (args.candidateId) await emailLeads(ctx, offer.id, "withdrawn");
}
