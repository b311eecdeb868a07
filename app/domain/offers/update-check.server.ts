import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { CheckKind, CheckStatus } from "#db/schema.js";
import { OfferError } from "./offer.errors.js";
import { isLiveOffer } from "./offer-rules.js";

/** A pre-start check changes: its date moves only when its status does, so a stalled check stays visible. */
export async function updateCheck(
  trx: Tx,
  args: { offerId: string; kind: CheckKind; status: CheckStatus; note?: string; actorName: string },
) {
  const offer = await trx.selectFrom("offers").select("status").where("id", "=", args.offerId).executeTakeFirst();
  if (!offer) throw new OfferError("not_found", "We could not find that offer.");
  if (!isLiveOffer(offer.status)) {
    throw new OfferError("wrong_status", "The checks can only change before the person starts.");
  }
  await trx
    .updateTable("prestartChecks")
    .set({
      status: args.status,
      note: args.note?.trim() ?? "",
      updatedByName: args.actorName,
      statusChangedAt: sql`case when status = ${args.status} then status_changed_at else now() end`,
    })
    .where("offerId", "=", args.offerId)
    .where("kind", "=", args.kind)
    .execute();
}
