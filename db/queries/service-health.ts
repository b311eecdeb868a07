import { sql } from "kysely";
import type { DB } from "../client.js";

/** Migrations recorded in the database (kysely_migration belongs to the owner: read through a definer function). */
export async function listAppliedMigrations(db: DB): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from ops_applied_migrations() as name`.execute(db);
  return rows.map((row) => row.name);
}

/** Emails not sent yet, across every organisation, and how long the oldest has waited (null when none). */
export async function findOutboxLag(db: DB): Promise<{ unsent: number; oldestUnsentSeconds: number | null }> {
  const { rows } = await sql<{ unsent: string; oldestUnsentSeconds: number | null }>`select * from ops_outbox_lag()`.execute(db);
  return { unsent: Number(rows[0]?.unsent ?? 0), oldestUnsentSeconds: rows[0]?.oldestUnsentSeconds ?? null };
}
