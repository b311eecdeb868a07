import { sql } from "kysely";
import { lockOffer } from "#db/queries/offers.js";
import { ukToday } from "./offer-rules.js";
import { addDays } from "./touchpoint-plan.js";
import type { DB } from "#db/client.js";
import type { OrgRunner, UseCaseContext } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";
import { listUsersWithRoles } from "#db/queries/users.js";

/** Days after the start date with no confirmed start before the lead is told it may be a no-show. */
export const NO_SHOW_GRACE_DAYS = 3;

/**
 * The no-show detector: an accepted offer whose start date is more than 3 days gone with no
 * confirmed start is flagged (once) and every lead and admin is emailed. The lead then confirms a late
 * start or records the no-show; the flag itself changes nothing else.
 */
export async function flagNoShowIfDue(ctx: UseCaseContext, offerId: string, today = ukToday()): Promise<boolean> {
  const { trx } = ctx;
  const offer = await lockOffer(trx, offerId);
  if (offer?.status !== "accepted" || offer.noShowFlaggedAt) return false;
  const graceEnds = addDays(offer.startDate, NO_SHOW_GRACE_DAYS);
  if (today <= graceEnds) return false;
  await trx.updateTable("offers").set({ noShowFlaggedAt: sql`now()` }).where("id", "=", offerId).execute();
  for (const lead of await listUsersWithRoles(trx, ["lead", "admin"])) {
    await sendOnceAfterCommit(ctx, `no-show-${offerId}-${lead.id}`, { kind: "offer-alert", offerId, userId: lead.id, variant: "no-show" });
  }
  return true;
}

/** Run by the 15-minute sweep, across organisations. */
export async function sweepNoShows(db: DB, run: OrgRunner) {
  const { rows } = await sql<{ orgId: string; offerId: string }>`select * from offers_due_no_show(${200})`.execute(db);
  let flagged = 0;
  for (const row of rows) if (await run(row.orgId, (ctx) => flagNoShowIfDue(ctx, row.offerId))) flagged++;
  return flagged;
}
