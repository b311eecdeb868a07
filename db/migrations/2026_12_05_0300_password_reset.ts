import { type Kysely, sql } from "kysely";

// Forgotten passwords: a single-use link for 30 minutes, stored (hashed) as a staff token of its
// own purpose. The nightly retention run already purges used and expired staff tokens.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table staff_tokens drop constraint staff_tokens_purpose_check;
    alter table staff_tokens add constraint staff_tokens_purpose_check check (purpose in ('confirm_email', 'reset_password'));
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    delete from staff_tokens where purpose = 'reset_password';
    alter table staff_tokens drop constraint staff_tokens_purpose_check;
    alter table staff_tokens add constraint staff_tokens_purpose_check check (purpose in ('confirm_email'));
  `.execute(db);
}
