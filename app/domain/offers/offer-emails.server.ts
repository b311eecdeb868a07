import { listLeads } from "#db/queries/offers.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";

export type OfferLeadVariant = "accepted" | "declined" | "withdrawn";

/** Every lead of the organisation hears when a candidate answers an offer or withdraws. */
export async function emailLeads(ctx: UseCaseContext, offerId: string, variant: OfferLeadVariant) {
  for (const lead of await listLeads(ctx.trx)) await sendAfterCommit(ctx, { kind: "offer-lead", offerId, userId: lead.id, variant });
}
