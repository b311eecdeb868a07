import { type Kysely, sql } from "kysely";

const TENANT_TABLES = ["shadow_shifts", "shadow_feedback", "shadow_reflections"] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- A shadow shift: a slot a team member offers (open, no application yet) or a time staff
    -- propose for one application. meeting_point is always shown to the candidate; visit_details
    -- (where the visit really is, perhaps a client's home) only once the shift is confirmed.
    create table shadow_shifts (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      team_id uuid not null references teams on delete cascade,
      host_member_id uuid not null references team_members on delete cascade,
      application_id uuid references applications on delete cascade,
      origin text not null check (origin in ('offered', 'proposed')),
      status text not null check (status in ('open', 'proposed', 'confirmed', 'cancelled')),
      starts_at timestamptz not null,
      ends_at timestamptz not null check (ends_at > starts_at),
      meeting_point text not null,
      visit_details text not null default '',
      bring_and_wear text not null default '',
      -- Bumped on every move and cancel: reminder job ids carry it, so a moved shift's old jobs are skipped.
      sequence int not null default 0,
      created_by uuid references users on delete set null,
      created_at timestamptz not null default now(),
      confirmed_at timestamptz,
      cancelled_at timestamptz,
      check ((status = 'open') = (application_id is null))
    );
    -- One live shift per application.
    create unique index shadow_shifts_one_live on shadow_shifts (application_id) where status in ('proposed', 'confirmed');
    create index shadow_shifts_open_idx on shadow_shifts (team_id, starts_at) where status = 'open';
    create index shadow_shifts_starts_idx on shadow_shifts (starts_at) where status = 'confirmed';

    create table shadow_feedback (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      shift_id uuid not null unique references shadow_shifts on delete cascade,
      application_id uuid not null references applications on delete cascade,
      author_user_id uuid references users on delete set null,
      author_name text not null,
      -- [{ value, seen: 'clearly' | 'some' | 'not_seen', note }]
      values jsonb not null,
      concerns text not null default '',
      recommendation text not null check (recommendation in ('yes', 'unsure', 'no')),
      supported_comment text not null default '',
      supported_by text check (supported_by in ('person', 'family')),
      submitted_at timestamptz not null default now()
    );

    create table shadow_reflections (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      shift_id uuid not null unique references shadow_shifts on delete cascade,
      application_id uuid not null references applications on delete cascade,
      answer text not null check (answer in ('yes', 'not_sure', 'no')),
      note text not null default '',
      submitted_at timestamptz not null default now()
    );
  `.execute(db);

  for (const table of TENANT_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (org_id = current_org_id()) with check (org_id = current_org_id())
    `.execute(db);
  }
  await sql`grant select, insert, update, delete on shadow_shifts, shadow_feedback, shadow_reflections to circle_app`.execute(db);

  await sql`
    -- Confirmed shifts whose 24-hour reminder or after-shift follow-up may be due, across organisations, for the sweep.
    create function shadow_reminder_candidates(p_limit int)
    returns table (org_id uuid, shift_id uuid, sequence int)
    language sql stable security definer set search_path = public as $$
      select s.org_id, s.id, s.sequence from shadow_shifts s
      where s.status = 'confirmed'
        and ((s.starts_at > now() and s.starts_at < now() + interval '24 hours')
          or (s.ends_at <= now() and s.ends_at > now() - interval '7 days'))
      order by s.starts_at limit p_limit
    $$;
    revoke all on function shadow_reminder_candidates from public;
    grant execute on function shadow_reminder_candidates to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists shadow_reminder_candidates`.execute(db);
  await sql`drop table if exists shadow_reflections, shadow_feedback, shadow_shifts`.execute(db);
}
