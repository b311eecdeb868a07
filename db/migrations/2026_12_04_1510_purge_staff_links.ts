import { type Kysely, sql } from "kysely";

// The nightly retention run purges used or expired staff email-confirmation links and finished staff
// invitations (they hold the invitee's email), as it does candidates' sign-in links: the app's role
// may delete them.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`grant delete on staff_tokens, staff_invitations to circle_app`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql`revoke delete on staff_tokens, staff_invitations from circle_app`.execute(db);
}
