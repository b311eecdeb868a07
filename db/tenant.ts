import { sql } from "kysely";
import type { DB, Tx } from "./client.js";

/**
 * The one place tenant scoping happens. Runs `work` in a transaction that sets the organisation
 * with SET LOCAL (set_config(..., true)), so it ends with the transaction and never leaks to the
 * next user of a pooled connection. Row-level security then shows and accepts only that
 * organisation's rows, and new rows take it as their org_id by default.
 */
/** Runs work in one organisation's transaction (`withOrg` with the organisation already chosen). */
export type Scoped = <T>(work: (trx: Tx) => Promise<T>) => Promise<T>;

export async function withOrg<T>(db: DB, orgId: string, work: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.org_id', ${orgId}, true)`.execute(trx);
    return work(trx);
  });
}
