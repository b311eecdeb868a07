import { type Kysely, sql } from "kysely";

// Post-offer drop-out and early leavers by month of acceptance, as a rollup. The dashboard read
// them from the accepted offers' index, formatting each offer's quarter in UK time: 166 ms for the
// whole organisation at 1M applications (76,322 accepted offers), the slowest part of the
// dashboard, and growing with the offers. Keyed by cohort month too, so it is rebuilt with the
// funnel's month (refresh_funnel_month) from the facts, like every other rollup.
//
// Also: flagging a possible no-show (offers.no_show_flagged_at) and confirming a start
// (offers.started_on) now refresh the application's facts; the offers trigger missed them, so the
// dashboard's drop-out could lag the offers page's.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table offer_outcomes_monthly (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      cohort_month date not null,
      -- The month (UK time) the offer was accepted: the cohort of the drop-out figures.
      accepted_month date not null,
      region_id uuid not null,
      team_id uuid not null,
      vacancy_id uuid not null,
      source text not null,
      experience text not null,
      accepted int not null,
      withdrawn int not null,
      no_shows int not null,
      started int not null,
      early_leavers int not null,
      primary key (org_id, cohort_month, accepted_month, team_id, vacancy_id, source, experience)
    );
    create index offer_outcomes_monthly_accepted_idx on offer_outcomes_monthly (org_id, accepted_month);
    alter table offer_outcomes_monthly enable row level security;
    create policy tenant_isolation on offer_outcomes_monthly
      using (org_id = current_org_id()) with check (org_id = current_org_id());

    -- Counted exactly as app/domain/offers/dropout-rates.ts defines them (a test checks they agree).
    create function refresh_offer_outcomes_month(p_org uuid, p_month date) returns void
    language sql security definer set search_path = public, pg_temp as $$
      delete from offer_outcomes_monthly where org_id = p_org and cohort_month = p_month;
      insert into offer_outcomes_monthly
      select org_id, cohort_month, date_trunc('month', offer_accepted_at at time zone 'Europe/London')::date,
        region_id, team_id, vacancy_id, source, experience,
        count(*),
        count(*) filter (where offer_status = 'withdrawn'),
        count(*) filter (where offer_status = 'no_show' or (offer_status = 'accepted' and offer_no_show_flagged)),
        count(offer_started_on),
        count(*) filter (where left_on < offer_started_on + 90)
      from application_facts
      where org_id = p_org and cohort_month = p_month and offer_accepted_at is not null
      group by org_id, cohort_month, 3, region_id, team_id, vacancy_id, source, experience;
    $$;

    -- Every rollup of one month (see migration 1700 for the lock and the order).
    create or replace function refresh_funnel_month(p_org uuid, p_month date) returns void
    language sql security definer set search_path = public, pg_temp as $$
      select pg_advisory_xact_lock(hashtext(p_org::text || p_month::text));
      update application_facts set dirty = false, day90_counted = (started_at is null or started_at <= now() - interval '90 days')
      where org_id = p_org and cohort_month = p_month and (dirty or not day90_counted);
      select refresh_funnel_tables_month(p_org, p_month);
      select refresh_people_month(p_org, p_month);
      select refresh_exit_cells_month(p_org, p_month);
      select refresh_offer_outcomes_month(p_org, p_month);
    $$;

    create or replace trigger facts_offers after insert or update of accepted_at, status, member_id, no_show_flagged_at, started_on on offers
      for each row execute function facts_from_application_ref();

    -- The accepted offers' index on the facts served only the query this rollup replaces.
    drop index application_facts_accepted_idx;

    revoke all on function refresh_offer_outcomes_month from public;
    grant select on offer_outcomes_monthly to circle_app;

    -- Facts that missed a no-show flag; their months are then recounted by the minute job.
    select refresh_application_facts(array(select application_id from offers where no_show_flagged_at is not null));
    select refresh_offer_outcomes_month(org_id, cohort_month) from (select distinct org_id, cohort_month from application_facts) months;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace trigger facts_offers after insert or update of accepted_at, status, member_id on offers
      for each row execute function facts_from_application_ref();
    create or replace function refresh_funnel_month(p_org uuid, p_month date) returns void
    language sql security definer set search_path = public, pg_temp as $$
      select pg_advisory_xact_lock(hashtext(p_org::text || p_month::text));
      update application_facts set dirty = false, day90_counted = (started_at is null or started_at <= now() - interval '90 days')
      where org_id = p_org and cohort_month = p_month and (dirty or not day90_counted);
      select refresh_funnel_tables_month(p_org, p_month);
      select refresh_people_month(p_org, p_month);
      select refresh_exit_cells_month(p_org, p_month);
    $$;
    drop function if exists refresh_offer_outcomes_month;
    create index application_facts_accepted_idx on application_facts (org_id, offer_accepted_at)
      include (region_id, team_id, vacancy_id, source, experience, offer_status, offer_no_show_flagged, offer_started_on, left_on)
      where offer_accepted_at is not null;
    drop table if exists offer_outcomes_monthly;
  `.execute(db);
}
