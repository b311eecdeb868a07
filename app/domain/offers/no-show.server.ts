import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { lockOffer } from "#db/queries/offers.js";
import { listManagers } from "#db/queries/users.js";
import { addToOutboxOnce, type OutboxRef } from "../email/outbox.server.js";

/** Days after the start date with no confirmed start before the lead is told it may be a no-show. */
export const NO_SHOW_GRACE_DAYS = 3;

/**
 * The no-show detector: an accepted offer whose start date is more than 3 days gone with no
 * confirmed start is flagged (once) and every lead and admin is emailed. The lead then confirms a late
 * start or records the no-show; the flag itself changes nothing else.
 */
export async function flagNoShowIfDue(trx: Tx, offerId: string, today = new Date().toISOString().slice(0, 10)): Promise<OutboxRef[]> {
  const offer = await lockOffer(trx, offerId);
  if (offer?.status !== "accepted" || offer.noShowFlaggedAt) return [];
  const graceEnds = new Date(Date.parse(`${offer.startDate}T00:00:00Z`) + NO_SHOW_GRACE_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (today <= graceEnds) return [];
  await trx.updateTable("offers").set({ noShowFlaggedAt: sql`now()` }).where("id", "=", offerId).execute();
  const refs: OutboxRef[] = [];
  for (const lead of await listManagers(trx)) {
    const ref = await addToOutboxOnce(trx, `no-show-${offerId}-${lead.id}`, {
      kind: "offer-alert",
      offerId,
      userId: lead.id,
      variant: "no-show",
    });
    if (ref) refs.push(ref);
  }
  return refs;
}

/** Run by the 15-minute sweep, across organisations. */
export async function sweepNoShows(db: DB): Promise<OutboxRef[]> {
  const { rows } = await sql<{ orgId: string; offerId: string }>`select * from offers_due_no_show(${200})`.execute(db);
  const refs: OutboxRef[] = [];
  for (const row of rows) refs.push(...(await withOrg(db, row.orgId, (trx) => flagNoShowIfDue(trx, row.offerId))));
  return refs;
}
