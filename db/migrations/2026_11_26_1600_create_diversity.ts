import { type Kysely, sql } from "kysely";

const TENANT_TABLES = ["diversity_answers"] as const;

// Voluntary equal opportunities monitoring (see ARCHITECTURE.md, "Funnel analytics"): at most one
// row per application, written only by the candidate (/me/monitoring/:applicationId) and read only
// in aggregate by db/queries/people.ts. Every question has "prefer_not_to_say".

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table diversity_answers (
      application_id uuid primary key references applications on delete cascade,
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      age_band text not null check (age_band in ('16_24', '25_34', '35_44', '45_54', '55_64', '65_plus', 'prefer_not_to_say')),
      gender text not null check (gender in ('woman', 'man', 'non_binary', 'another_way', 'prefer_not_to_say')),
      disability text not null check (disability in ('yes', 'no', 'prefer_not_to_say')),
      ethnicity text not null check (ethnicity in ('asian', 'black', 'mixed', 'white', 'other', 'prefer_not_to_say')),
      caring text not null check (caring in ('yes', 'no', 'prefer_not_to_say')),
      answered_at timestamptz not null default now()
    );
    create index diversity_answers_org_idx on diversity_answers (org_id);
  `.execute(db);

  for (const table of TENANT_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (org_id = current_org_id()) with check (org_id = current_org_id())
    `.execute(db);
  }
  await sql`grant select, insert, update, delete on diversity_answers to circle_app`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists diversity_answers`.execute(db);
}
