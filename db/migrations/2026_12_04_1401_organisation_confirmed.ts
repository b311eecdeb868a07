import { type Kysely, sql } from "kysely";

// An organisation signed up at /start may publish a vacancy only once its first admin has confirmed
// their email (`confirmed_at`). Organisations made before sign-up existed count as confirmed.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisations add column confirmed_at timestamptz;
    update organisations set confirmed_at = created_at;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table organisations drop column confirmed_at`.execute(db);
}
