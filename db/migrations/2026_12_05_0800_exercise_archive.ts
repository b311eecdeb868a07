import { type Kysely, sql } from "kysely";

// A scenario exercise a provider no longer runs is archived: new workshops cannot choose it, and
// the workshops and scores that used it keep it. Restoring clears the date.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table scenario_exercises add column archived_at timestamptz`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table scenario_exercises drop column archived_at`.execute(db);
}
