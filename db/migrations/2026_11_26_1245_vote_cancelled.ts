import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- A vote ends as 'cancelled' when its application leaves the vote step before the close
    -- (the candidate withdrew, or the lead declined): no result, no outcome emails.
    alter table votes drop constraint votes_outcome_check;
    alter table votes add constraint votes_outcome_check check (outcome in ('passed', 'not_passed', 'no_quorum', 'cancelled'));
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table votes drop constraint votes_outcome_check;
    alter table votes add constraint votes_outcome_check check (outcome in ('passed', 'not_passed', 'no_quorum'));
  `.execute(db);
}
