import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Two membership changes of one team at the same moment each counted the members without
    -- seeing the other's uncommitted row, and the last to write saved a wrong snapshot. A
    -- transaction-scoped advisory lock per team makes the second wait for the first to commit,
    -- so it counts both. Otherwise the function is unchanged (its grants are kept by replace).
    create or replace function take_team_mix_snapshot(p_team uuid) returns void
    language plpgsql volatile security definer set search_path = public as $$
    declare
      v_org uuid;
    begin
      perform pg_advisory_xact_lock(hashtext(p_team::text));
      select org_id into v_org from teams where id = p_team;
      if v_org is null then return; end if; -- the team is being deleted
      insert into team_mix_snapshots (org_id, team_id, taken_on, size, experienced)
      select v_org, p_team, (now() at time zone 'Europe/London')::date,
             count(*), count(*) filter (where experience = 'experienced')
      from team_members where team_id = p_team and left_on is null
      on conflict (team_id, taken_on) do update set size = excluded.size, experienced = excluded.experienced;
    end $$;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function take_team_mix_snapshot(p_team uuid) returns void
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
  `.execute(db);
}
