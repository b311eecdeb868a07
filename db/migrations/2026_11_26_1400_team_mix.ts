import { type Kysely, sql } from "kysely";

const TENANT_TABLES = ["team_mix_snapshots", "team_alerts"] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- The organisation's target share of experienced members and its tolerance band, in percent.
    alter table org_settings
      add column mix_target int not null default 50 check (mix_target between 0 and 100),
      add column mix_band_low int not null default 40 check (mix_band_low between 0 and 100),
      add column mix_band_high int not null default 60 check (mix_band_high between 0 and 100),
      add constraint org_settings_mix_band check (mix_band_low <= mix_target and mix_target <= mix_band_high);

    -- One row per team per day (UK date): its active members and how many are experienced.
    create table team_mix_snapshots (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      team_id uuid not null references teams on delete cascade,
      taken_on date not null,
      size int not null check (size >= 0),
      experienced int not null check (experienced between 0 and size),
      primary key (team_id, taken_on)
    );

    -- What the lead is told: a team out of its band, at the split point, or below the minimum.
    create table team_alerts (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      team_id uuid not null references teams on delete cascade,
      kind text not null check (kind in ('out_of_band', 'split', 'too_small')),
      raised_at timestamptz not null default now(),
      resolved_at timestamptz
    );
    create unique index team_alerts_one_open on team_alerts (team_id, kind) where resolved_at is null;
    create index team_alerts_open_idx on team_alerts (org_id) where resolved_at is null;

    -- Today's snapshot of one team, from its active members. Runs as the owner, so it counts the
    -- team's members whoever changed them; it writes only the row of the team that changed.
    create function take_team_mix_snapshot(p_team uuid) returns void
    language plpgsql volatile security definer set search_path = public as $$
    declare
      v_org uuid;
    begin
      select org_id into v_org from teams where id = p_team;
      if v_org is null then return; end if; -- the team is being deleted
      insert into team_mix_snapshots (org_id, team_id, taken_on, size, experienced)
      select v_org, p_team, (now() at time zone 'Europe/London')::date,
             count(*), count(*) filter (where experience = 'experienced')
      from team_members where team_id = p_team and left_on is null
      on conflict (team_id, taken_on) do update set size = excluded.size, experienced = excluded.experienced;
    end $$;
    revoke all on function take_team_mix_snapshot from public;

    -- Every change of membership, whatever code path made it, updates today's snapshot.
    create function team_members_mix_changed() returns trigger
    language plpgsql security definer set search_path = public as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then perform take_team_mix_snapshot(new.team_id); end if;
      if tg_op = 'DELETE' or (tg_op = 'UPDATE' and old.team_id is distinct from new.team_id) then
        perform take_team_mix_snapshot(old.team_id);
      end if;
      return null;
    end $$;
    revoke all on function team_members_mix_changed from public;
    create trigger team_members_mix after insert or delete or update of team_id, left_on, experience, joined_on
      on team_members for each row execute function team_members_mix_changed();

    -- The organisations that have teams, for the nightly check and the weekly digest (ids only).
    create function team_mix_orgs() returns table (org_id uuid)
    language sql stable security definer set search_path = public as $$
      select distinct org_id from teams order by org_id
    $$;
    revoke all on function team_mix_orgs from public;
    grant execute on function team_mix_orgs to circle_app;
  `.execute(db);

  for (const table of TENANT_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (org_id = current_org_id()) with check (org_id = current_org_id())
    `.execute(db);
  }
  await sql`grant select, insert, update, delete on team_mix_snapshots, team_alerts to circle_app`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger if exists team_members_mix on team_members;
    drop function if exists team_members_mix_changed;
    drop function if exists take_team_mix_snapshot;
    drop function if exists team_mix_orgs;
    drop table if exists team_alerts;
    drop table if exists team_mix_snapshots;
    alter table org_settings drop constraint if exists org_settings_mix_band;
    alter table org_settings drop column if exists mix_target, drop column if exists mix_band_low, drop column if exists mix_band_high;
  `.execute(db);
}
