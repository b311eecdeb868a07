import { type Kysely, sql } from "kysely";

const TENANT_TABLES = ["workshop_assessors", "assessor_scores"] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table workshop_assessors (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      workshop_id uuid not null references workshops on delete cascade,
      user_id uuid not null references users on delete cascade,
      -- Set when the assessor submits: only then do they see the other assessors' scores.
      submitted_at timestamptz,
      primary key (workshop_id, user_id)
    );

    create table assessor_scores (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      workshop_id uuid not null,
      assessor_id uuid not null,
      booking_id uuid not null references workshop_bookings on delete cascade,
      exercise_id uuid not null references scenario_exercises on delete cascade,
      criterion_key text not null,
      score int not null check (score between 1 and 4),
      note text not null default '',
      updated_at timestamptz not null default now(),
      primary key (workshop_id, assessor_id, booking_id, exercise_id, criterion_key),
      foreign key (workshop_id, assessor_id) references workshop_assessors (workshop_id, user_id) on delete cascade
    );
    create index assessor_scores_booking_idx on assessor_scores (booking_id);
  `.execute(db);
  for (const table of TENANT_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (org_id = current_org_id()) with check (org_id = current_org_id())
    `.execute(db);
  }
  await sql`grant select, insert, update, delete on workshop_assessors, assessor_scores to circle_app`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists assessor_scores, workshop_assessors`.execute(db);
}
