import { sql } from "kysely";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";

/**
 * Every minute: recount the analytics months whose facts changed (the pages recount changed months
 * of up to 1,000 applications themselves, and leave bigger ones to this), including hires who reached day 90.
 */
export async function refreshFunnelProcessor() {
  const db = getDb();
  await sql`select mark_day90_dirty()`.execute(db);
  const { rows } = await sql<{ orgId: string }>`select org_id from dirty_funnel_orgs()`.execute(db);
  let months = 0;
  for (const { orgId } of rows) {
    const result = await withOrg(db, orgId, (trx) => sql<{ n: number }>`select refresh_my_funnel() as n`.execute(trx));
    months += Number(result.rows[0]?.n ?? 0);
  }
  return { organisations: rows.length, months };
}
