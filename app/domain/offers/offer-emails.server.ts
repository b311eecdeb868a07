import type { Tx } from "#db/client.js";
import { listLeads } from "#db/queries/offers.js";
import { addToOutbox, type OutboxRef } from "../email/outbox.server.js";

export type OfferLeadVariant = "accepted" | "declined" | "withdrawn";

/** Every lead of the organisation hears when a candidate answers an offer or withdraws. */
export async function emailLeads(trx: Tx, offerId: string, variant: OfferLeadVariant): Promise<OutboxRef[]> {
  const refs: OutboxRef[] = [];
  for (const lead of await listLeads(trx)) refs.push(await addToOutbox(trx, { kind: "offer-lead", offerId, userId: lead.id, variant }));
  return refs;
}
