import { type Kysely, sql } from "kysely";

const TENANT_TABLES = ["scenario_exercises", "workshops", "workshop_teams", "workshop_exercises", "workshop_bookings"] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- The organisation's scenario library: a brief for candidates and a rubric for assessors.
    create table scenario_exercises (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      title text not null,
      brief text not null,
      -- [{ key, criterion, value, levels: { "1": text, "2": text, "3": text, "4": text } }]
      rubric jsonb not null,
      created_at timestamptz not null default now(),
      unique (org_id, title)
    );

    create table workshops (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      starts_at timestamptz not null,
      ends_at timestamptz not null check (ends_at > starts_at),
      venue_name text not null,
      venue_address text not null,
      directions text not null default '',
      accessibility text not null default '',
      capacity int not null default 25 check (capacity between 1 and 200),
      status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
      created_at timestamptz not null default now()
    );
    create index workshops_upcoming_idx on workshops (org_id, starts_at) where status = 'scheduled';

    create table workshop_teams (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      workshop_id uuid not null references workshops on delete cascade,
      team_id uuid not null references teams on delete cascade,
      primary key (workshop_id, team_id)
    );

    create table workshop_exercises (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      workshop_id uuid not null references workshops on delete cascade,
      exercise_id uuid not null references scenario_exercises on delete cascade,
      position int not null default 0,
      primary key (workshop_id, exercise_id)
    );

    create table workshop_bookings (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      workshop_id uuid not null references workshops on delete cascade,
      application_id uuid not null references applications on delete cascade,
      status text not null default 'booked' check (status in ('booked', 'cancelled')),
      adjustments text not null default '',
      -- Bumped on every change, so calendar apps replace the event (iCalendar SEQUENCE).
      sequence int not null default 0,
      booked_at timestamptz not null default now(),
      cancelled_at timestamptz
    );
    -- One live booking per application; a seat count per workshop is read under the workshop's row lock.
    create unique index workshop_bookings_one_live on workshop_bookings (application_id) where status = 'booked';
    create index workshop_bookings_workshop_idx on workshop_bookings (workshop_id) where status = 'booked';
  `.execute(db);

  for (const table of TENANT_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (org_id = current_org_id()) with check (org_id = current_org_id())
    `.execute(db);
  }
  await sql`
    grant select, insert, update, delete on scenario_exercises, workshops, workshop_teams, workshop_exercises, workshop_bookings to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists workshop_bookings, workshop_exercises, workshop_teams, workshops, scenario_exercises`.execute(db);
}
