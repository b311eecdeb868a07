import { type Kysely, sql } from "kysely";

const TENANT_TABLES = ["people_monthly", "people_places_monthly"] as const;

// The "People" figures as a rollup, kept current with the funnel's (see ARCHITECTURE.md, "Funnel
// analytics"). Per cohort month and filter dimensions (the cells of funnel_monthly):
// - people_monthly: one row per cell, and for every monitoring answer (and "not answered") three
//   counts: applications, workshop attendance and hires. Wide on purpose: summing 87 integer
//   columns over the cells is several times faster than grouping one row per answer (measured at
//   1M applications: 35 ms against 120 ms for the whole organisation over all time).
// - people_places_monthly: the same counts per place (the application's location, tidied).
// Both are rebuilt with the funnel's month (refresh_funnel_month), and a changed monitoring answer
// or location marks its application's month dirty.

/** The answers as they were when this migration was written (frozen: later changes need a migration). */
const ANSWERS: Record<string, string[]> = {
  age_band: ["16_24", "25_34", "35_44", "45_54", "55_64", "65_plus", "prefer_not_to_say"],
  gender: ["woman", "man", "non_binary", "another_way", "prefer_not_to_say"],
  disability: ["yes", "no", "prefer_not_to_say"],
  ethnicity: ["asian", "black", "mixed", "white", "other", "prefer_not_to_say"],
  caring: ["yes", "no", "prefer_not_to_say"],
};
const NOT_ANSWERED = "not_answered";
const MEASURES = { applications: "*", attended: "f.attended_at", hired: "f.started_at" } as const;

const slots = Object.entries(ANSWERS).flatMap(([question, answers]) => [...answers, NOT_ANSWERED].map((answer) => ({ question, answer })));
const columns = slots.flatMap(({ question, answer }) =>
  Object.entries(MEASURES).map(([measure, counted]) => ({
    name: `${question}_${answer}_${measure}`,
    count: `count(${counted}) filter (where coalesce(d.${question}, '${NOT_ANSWERED}') = '${answer}')`,
  })),
);

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const cellKey = `
    org_id uuid not null default current_org_id() references organisations on delete cascade,
    cohort_month date not null,
    region_id uuid not null,
    team_id uuid not null,
    vacancy_id uuid not null,
    source text not null,
    experience text not null`;
  await sql`
    create table people_monthly (
      ${sql.raw(cellKey)},
      ${sql.raw(columns.map((c) => `${c.name} int not null`).join(",\n      "))},
      primary key (org_id, cohort_month, team_id, vacancy_id, source, experience)
    );
    create table people_places_monthly (
      ${sql.raw(cellKey)},
      place text not null,
      applications int not null,
      attended int not null,
      hired int not null,
      primary key (org_id, cohort_month, team_id, vacancy_id, source, experience, place)
    );
  `.execute(db);

  for (const table of TENANT_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (org_id = current_org_id()) with check (org_id = current_org_id())
    `.execute(db);
  }

  await sql`
    -- One month of one organisation's People rollup, rebuilt from its facts and answers.
    create function refresh_people_month(p_org uuid, p_month date) returns void
    language sql security definer set search_path = public, pg_temp as $$
      delete from people_monthly where org_id = p_org and cohort_month = p_month;
      delete from people_places_monthly where org_id = p_org and cohort_month = p_month;
      insert into people_monthly
      select f.org_id, f.cohort_month, f.region_id, f.team_id, f.vacancy_id, f.source, f.experience,
        ${sql.raw(columns.map((c) => c.count).join(",\n        "))}
      from application_facts f
      left join diversity_answers d on d.application_id = f.application_id
      where f.org_id = p_org and f.cohort_month = p_month
      group by f.org_id, f.cohort_month, f.region_id, f.team_id, f.vacancy_id, f.source, f.experience;
      insert into people_places_monthly
      select f.org_id, f.cohort_month, f.region_id, f.team_id, f.vacancy_id, f.source, f.experience,
        -- "ashdown " and "Ashdown" are one place.
        coalesce(nullif(upper(left(btrim(a.location), 1)) || substr(btrim(a.location), 2), ''), 'Not given') as place,
        count(*), count(f.attended_at), count(f.started_at)
      from application_facts f
      join applications a on a.id = f.application_id
      where f.org_id = p_org and f.cohort_month = p_month
      group by f.org_id, f.cohort_month, f.region_id, f.team_id, f.vacancy_id, f.source, f.experience, 8;
    $$;

    -- The funnel's month rebuild (migration 1500) keeps its body under a new name; refresh_funnel_month
    -- now rebuilds every rollup of the month, so every caller (the job, the pages, rebuild_analytics)
    -- keeps them all current. First, under the month's lock (one rebuild of a month at a time), its
    -- facts are marked clean, BEFORE any rollup is rebuilt: a fact changing meanwhile marks the month
    -- dirty again, for every rollup. (refresh_funnel_tables_month does the same again: harmless.)
    alter function refresh_funnel_month(uuid, date) rename to refresh_funnel_tables_month;
    create function refresh_funnel_month(p_org uuid, p_month date) returns void
    language sql security definer set search_path = public, pg_temp as $$
      select pg_advisory_xact_lock(hashtext(p_org::text || p_month::text));
      update application_facts set dirty = false, day90_counted = (started_at is null or started_at <= now() - interval '90 days')
      where org_id = p_org and cohort_month = p_month and (dirty or not day90_counted);
      select refresh_funnel_tables_month(p_org, p_month);
      select refresh_people_month(p_org, p_month);
    $$;

    -- Dirty months in a fixed order: two refreshes at once take the months' locks in the same order
    -- (each holds its locks to the end of its transaction), so they cannot deadlock.
    create or replace function refresh_dirty_funnel(p_org uuid) returns int
    language plpgsql security definer set search_path = public, pg_temp as $$
    declare
      r record;
      n int := 0;
    begin
      for r in select distinct org_id, cohort_month from application_facts where dirty and (p_org is null or org_id = p_org)
               order by org_id, cohort_month loop
        perform refresh_funnel_month(r.org_id, r.cohort_month);
        n := n + 1;
      end loop;
      return n;
    end $$;

    -- A deleted application (or a whole organisation's): its facts go by cascade, and the months they
    -- were counted in are rebuilt at once (there is no fact left to mark them dirty). An
    -- organisation being deleted is skipped: its rollups go with it.
    create function rollups_after_facts_deleted() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
    declare
      r record;
    begin
      for r in select distinct g.org_id, g.cohort_month from gone g
               where exists (select 1 from organisations o where o.id = g.org_id)
               order by g.org_id, g.cohort_month loop
        perform refresh_funnel_month(r.org_id, r.cohort_month);
      end loop;
      return null;
    end $$;
    create trigger rollups_facts_deleted after delete on application_facts
      referencing old table as gone for each statement execute function rollups_after_facts_deleted();

    -- A monitoring answer given, changed or removed, or a location changed: the month is recounted.
    create function facts_from_diversity() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
    begin
      update application_facts set dirty = true where application_id = coalesce(new.application_id, old.application_id);
      return null;
    end $$;
    create trigger facts_diversity after insert or update or delete on diversity_answers
      for each row execute function facts_from_diversity();
    -- "create or replace": unlike drop and create, it does not stop reads of applications while the
    -- migration runs.
    create or replace trigger facts_applications after insert or update of stage, vacancy_id, source, experience, location on applications
      for each row execute function facts_from_application();

    revoke all on function refresh_people_month, refresh_funnel_tables_month, refresh_funnel_month, rollups_after_facts_deleted from public;
    grant select on people_monthly, people_places_monthly to circle_app;

    select refresh_people_month(org_id, cohort_month) from (select distinct org_id, cohort_month from application_facts) months;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger if exists rollups_facts_deleted on application_facts;
    drop function if exists rollups_after_facts_deleted;
    drop trigger if exists facts_diversity on diversity_answers;
    drop function if exists facts_from_diversity;
    create or replace trigger facts_applications after insert or update of stage, vacancy_id, source, experience on applications
      for each row execute function facts_from_application();
    drop function if exists refresh_funnel_month(uuid, date);
    alter function refresh_funnel_tables_month(uuid, date) rename to refresh_funnel_month;
    create or replace function refresh_dirty_funnel(p_org uuid) returns int
    language plpgsql security definer set search_path = public as $$
    declare
      r record;
      n int := 0;
    begin
      for r in select distinct org_id, cohort_month from application_facts where dirty and (p_org is null or org_id = p_org) loop
        perform refresh_funnel_month(r.org_id, r.cohort_month);
        n := n + 1;
      end loop;
      return n;
    end $$;
    drop function if exists refresh_people_month;
    drop table if exists people_places_monthly, people_monthly;
  `.execute(db);
}
