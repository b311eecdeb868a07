import { type Kysely, sql } from "kysely";

const TENANT_TABLES = ["application_facts", "funnel_monthly", "funnel_exits_monthly"] as const;

// The analytics layer (see ARCHITECTURE.md, "Funnel analytics"):
// 1. application_facts: one row per application, when it reached each step of the funnel, derived
//    from the application timeline (stage entered at) and the rows that record the other steps
//    (survey completion, workshop booking and attendance, offer acceptance, leaving the team).
//    Triggers on those tables refresh the application's row in the same transaction.
// 2. funnel_monthly / funnel_exits_monthly: the facts summed per cohort month (month applied) and
//    filter dimensions (team, vacancy, source, experience). A fact change marks its month dirty;
//    `refresh_funnel_month` rebuilds that month (a job runs it for dirty months every minute, and
//    the dashboard refreshes dirty months of the organisation before reading, so it is never stale).
// The dashboard reads the small monthly tables, and the facts only for hires (time to hire).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table application_facts (
      application_id uuid primary key references applications on delete cascade,
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      cohort_month date not null,
      applied_at timestamptz not null,
      region_id uuid not null,
      team_id uuid not null,
      vacancy_id uuid not null,
      source text not null,
      experience text not null,
      survey_completed_at timestamptz,
      workshop_booked_at timestamptz,
      attended_at timestamptz,
      workshop_no_show boolean not null default false,
      shadow_done_at timestamptz,
      vote_passed_at timestamptz,
      offer_accepted_at timestamptz,
      -- The accepted offer's outcome (drop-out by quarter of acceptance reads these).
      offer_status text,
      offer_no_show_flagged boolean not null default false,
      offer_started_on date,
      started_at timestamptz,
      left_on date,
      -- Closed applications: at which stage, how (withdrawn by the candidate or declined), why.
      exit_stage text,
      exit_kind text check (exit_kind in ('withdrawn', 'declined')),
      exit_reason text,
      dirty boolean not null default true,
      -- Set when a rollup counted this hire's day 90 (see mark_day90_dirty).
      day90_counted boolean not null default false
    );
    create index application_facts_cohort_idx on application_facts (org_id, cohort_month);
    -- Hires only (a few percent of applications): time to hire and time in each step, read from
    -- the index alone (it carries every column those queries filter on or read).
    create index application_facts_hires_idx on application_facts (org_id, cohort_month)
      include (region_id, team_id, vacancy_id, source, experience, applied_at, survey_completed_at, attended_at,
               shadow_done_at, vote_passed_at, offer_accepted_at, started_at)
      where started_at is not null;
    -- Hires by when they started (the organisation's mix among this quarter's hires).
    create index application_facts_started_idx on application_facts (org_id, started_at) include (experience) where started_at is not null;
    -- Accepted offers, by when they were accepted: drop-out and early leavers by quarter of acceptance.
    create index application_facts_accepted_idx on application_facts (org_id, offer_accepted_at)
      include (region_id, team_id, vacancy_id, source, experience, offer_status, offer_no_show_flagged, offer_started_on, left_on)
      where offer_accepted_at is not null;
    create index application_facts_dirty_idx on application_facts (org_id, cohort_month) where dirty;
    create index application_facts_day90_idx on application_facts (started_at) where started_at is not null and not day90_counted;

    -- What the facts are computed from, found by application.
    create index if not exists workshop_bookings_application_idx on workshop_bookings (application_id);
    create index if not exists offers_application_idx on offers (application_id);
    create index if not exists offers_member_idx on offers (member_id) where member_id is not null;

    create table funnel_monthly (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      cohort_month date not null,
      region_id uuid not null,
      team_id uuid not null,
      vacancy_id uuid not null,
      source text not null,
      experience text not null,
      applied int not null,
      survey_completed int not null,
      workshop_booked int not null,
      attended int not null,
      no_show int not null,
      shadow_done int not null,
      vote_passed int not null,
      offer_accepted int not null,
      started int not null,
      in_post_90 int not null,
      left_within_90 int not null,
      -- For the average time to hire (days, applied to started).
      hire_days_sum double precision not null,
      -- Closed applications per stage they closed at: withdrawn (w_) and declined (d_).
      w_applied int not null, d_applied int not null,
      w_survey int not null, d_survey int not null,
      w_workshop int not null, d_workshop int not null,
      w_shadow int not null, d_shadow int not null,
      w_vote int not null, d_vote int not null,
      w_offer int not null, d_offer int not null,
      primary key (org_id, cohort_month, team_id, vacancy_id, source, experience)
    );

    -- The reasons people left, per cohort month and team only (a reason list per vacancy, channel
    -- and experience would be as large as the facts): the period, region and team filters apply.
    create table funnel_exits_monthly (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      cohort_month date not null,
      region_id uuid not null,
      team_id uuid not null,
      exit_stage text not null,
      exit_kind text not null,
      exit_reason text not null,
      n int not null,
      primary key (org_id, cohort_month, team_id, exit_stage, exit_kind, exit_reason)
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
    -- The facts of the applications in p_ids, recomputed from their sources (set-based, so the
    -- bulk rebuild and a single trigger use the same definition).
    create function refresh_application_facts(p_ids uuid[]) returns void
    language sql security definer set search_path = public as $$
      insert into application_facts as f (
        application_id, org_id, cohort_month, applied_at, region_id, team_id, vacancy_id, source, experience,
        survey_completed_at, workshop_booked_at, attended_at, workshop_no_show, shadow_done_at, vote_passed_at,
        offer_accepted_at, offer_status, offer_no_show_flagged, offer_started_on, started_at, left_on,
        exit_stage, exit_kind, exit_reason, dirty
      )
      select
        a.id, a.org_id, date_trunc('month', a.created_at at time zone 'Europe/London')::date, a.created_at,
        t.region_id, v.team_id, a.vacancy_id, a.source, a.experience,
        (select min(r.completed_at) from survey_responses r where r.application_id = a.id),
        (select min(b.booked_at) from workshop_bookings b where b.application_id = a.id),
        (select min(w.starts_at) from workshop_bookings b join workshops w on w.id = b.workshop_id
          where b.application_id = a.id and b.attendance in ('attended', 'late')),
        exists (select 1 from workshop_bookings b where b.application_id = a.id and b.attendance = 'no_show')
          and not exists (select 1 from workshop_bookings b where b.application_id = a.id and b.attendance in ('attended', 'late')),
        (select min(e.created_at) from application_events e where e.application_id = a.id and e.kind = 'stage' and e.to_stage = 'vote'),
        (select min(e.created_at) from application_events e where e.application_id = a.id and e.kind = 'stage' and e.to_stage = 'offer'),
        ao.accepted_at,
        ao.status,
        coalesce(ao.no_show_flagged_at is not null, false),
        ao.started_on,
        (select min(e.created_at) from application_events e where e.application_id = a.id and e.kind = 'stage' and e.to_stage = 'started'),
        (select min(m.left_on) from offers o join team_members m on m.id = o.member_id where o.application_id = a.id),
        case when a.stage in ('withdrawn', 'declined') then x.from_stage end,
        case when a.stage in ('withdrawn', 'declined') then a.stage end,
        case when a.stage in ('withdrawn', 'declined') then coalesce(nullif(trim(x.reason), ''), 'No reason given') end,
        true
      from applications a
      join vacancies v on v.id = a.vacancy_id
      join teams t on t.id = v.team_id
      left join lateral (
        select o.accepted_at, o.status, o.no_show_flagged_at, o.started_on from offers o
        where o.application_id = a.id and o.accepted_at is not null
        order by o.accepted_at desc limit 1
      ) ao on true
      left join lateral (
        select e.from_stage, e.reason from application_events e
        where e.application_id = a.id and e.kind = 'stage' and e.to_stage = a.stage
        order by e.created_at desc limit 1
      ) x on true
      where a.id = any(p_ids)
      on conflict (application_id) do update set
        cohort_month = excluded.cohort_month, applied_at = excluded.applied_at, region_id = excluded.region_id,
        team_id = excluded.team_id, vacancy_id = excluded.vacancy_id, source = excluded.source, experience = excluded.experience,
        survey_completed_at = excluded.survey_completed_at, workshop_booked_at = excluded.workshop_booked_at,
        attended_at = excluded.attended_at, workshop_no_show = excluded.workshop_no_show, shadow_done_at = excluded.shadow_done_at,
        vote_passed_at = excluded.vote_passed_at, offer_accepted_at = excluded.offer_accepted_at,
        offer_status = excluded.offer_status, offer_no_show_flagged = excluded.offer_no_show_flagged,
        offer_started_on = excluded.offer_started_on, started_at = excluded.started_at,
        left_on = excluded.left_on, exit_stage = excluded.exit_stage, exit_kind = excluded.exit_kind,
        exit_reason = excluded.exit_reason, dirty = true
    $$;

    -- One month of one organisation's monthly tables, rebuilt from its facts.
    create function refresh_funnel_month(p_org uuid, p_month date) returns void
    language sql security definer set search_path = public as $$
      -- One rebuild of a month at a time; marked clean first, so a fact changing meanwhile marks it dirty again.
      select pg_advisory_xact_lock(hashtext(p_org::text || p_month::text));
      update application_facts set dirty = false, day90_counted = (started_at is null or started_at <= now() - interval '90 days')
      where org_id = p_org and cohort_month = p_month and (dirty or not day90_counted);
      delete from funnel_monthly where org_id = p_org and cohort_month = p_month;
      delete from funnel_exits_monthly where org_id = p_org and cohort_month = p_month;
      insert into funnel_monthly
      select org_id, cohort_month, region_id, team_id, vacancy_id, source, experience,
        count(*),
        count(survey_completed_at),
        count(workshop_booked_at),
        count(attended_at),
        count(*) filter (where workshop_no_show),
        count(shadow_done_at),
        count(vote_passed_at),
        count(offer_accepted_at),
        count(started_at),
        count(*) filter (where started_at is not null and started_at <= now() - interval '90 days'
          and (left_on is null or left_on >= (started_at at time zone 'Europe/London')::date + 90)),
        count(*) filter (where started_at is not null and left_on < (started_at at time zone 'Europe/London')::date + 90),
        coalesce(sum(extract(epoch from started_at - applied_at) / 86400) filter (where started_at is not null), 0),
        count(*) filter (where exit_kind = 'withdrawn' and exit_stage = 'applied'), count(*) filter (where exit_kind = 'declined' and exit_stage = 'applied'),
        count(*) filter (where exit_kind = 'withdrawn' and exit_stage = 'survey'), count(*) filter (where exit_kind = 'declined' and exit_stage = 'survey'),
        count(*) filter (where exit_kind = 'withdrawn' and exit_stage = 'workshop'), count(*) filter (where exit_kind = 'declined' and exit_stage = 'workshop'),
        count(*) filter (where exit_kind = 'withdrawn' and exit_stage = 'shadow'), count(*) filter (where exit_kind = 'declined' and exit_stage = 'shadow'),
        count(*) filter (where exit_kind = 'withdrawn' and exit_stage = 'vote'), count(*) filter (where exit_kind = 'declined' and exit_stage = 'vote'),
        count(*) filter (where exit_kind = 'withdrawn' and exit_stage = 'offer'), count(*) filter (where exit_kind = 'declined' and exit_stage = 'offer')
      from application_facts
      where org_id = p_org and cohort_month = p_month
      group by org_id, cohort_month, region_id, team_id, vacancy_id, source, experience;
      insert into funnel_exits_monthly
      select org_id, cohort_month, region_id, team_id, exit_stage, exit_kind, exit_reason, count(*)
      from application_facts
      where org_id = p_org and cohort_month = p_month and exit_kind is not null
      group by org_id, cohort_month, region_id, team_id, exit_stage, exit_kind, exit_reason;
    $$;

    -- Every dirty month of one organisation (or of all, for the job), rebuilt.
    create function refresh_dirty_funnel(p_org uuid) returns int
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

    -- For the app (circle_app): the signed-in organisation's dirty months only.
    create function refresh_my_funnel() returns int
    language sql security definer set search_path = public as $$
      select refresh_dirty_funnel(current_org_id()) where current_org_id() is not null
    $$;

    -- "In post at 90 days" changes with the calendar, not with an event: starters who reached day
    -- 90 in the last two days have their months recounted (the job runs this every minute).
    create function mark_day90_dirty() returns int
    language sql security definer set search_path = public as $$
      with marked as (
        update application_facts set dirty = true
        where started_at <= now() - interval '90 days' and not day90_counted and not dirty
        returning 1
      )
      select count(*)::int from marked
    $$;

    -- Organisations with dirty months, for the job.
    create function dirty_funnel_orgs() returns table (org_id uuid)
    language sql stable security definer set search_path = public as $$
      select distinct org_id from application_facts where dirty
    $$;

    -- The whole organisation at once (after a bulk load): facts, then every month.
    create function rebuild_analytics(p_org uuid) returns void
    language plpgsql security definer set search_path = public as $$
    declare
      ids uuid[];
    begin
      for ids in select array_agg(id) from (select id, row_number() over (order by id) / 20000 as chunk from applications where org_id = p_org) s group by chunk loop
        perform refresh_application_facts(ids);
      end loop;
      perform refresh_dirty_funnel(p_org);
    end $$;

    -- Triggers: every change to a source refreshes its application's facts in the same transaction.
    create function facts_from_application() returns trigger language plpgsql security definer set search_path = public as $$
    begin perform refresh_application_facts(array[new.id]); return null; end $$;
    create function facts_from_application_ref() returns trigger language plpgsql security definer set search_path = public as $$
    begin
      if new.application_id is not null then perform refresh_application_facts(array[new.application_id]); end if;
      return null;
    end $$;
    create function facts_from_member() returns trigger language plpgsql security definer set search_path = public as $$
    begin
      perform refresh_application_facts(array(select application_id from offers where member_id = new.id));
      return null;
    end $$;

    create trigger facts_applications after insert or update of stage, vacancy_id, source, experience on applications
      for each row execute function facts_from_application();
    create trigger facts_events after insert on application_events for each row execute function facts_from_application_ref();
    create trigger facts_survey after insert or update of completed_at on survey_responses for each row execute function facts_from_application_ref();
    create trigger facts_bookings after insert or update of attendance, status on workshop_bookings for each row execute function facts_from_application_ref();
    create trigger facts_offers after insert or update of accepted_at, status, member_id on offers for each row execute function facts_from_application_ref();
    create trigger facts_members after update of left_on on team_members for each row execute function facts_from_member();

    revoke all on function refresh_application_facts, refresh_funnel_month, refresh_dirty_funnel, rebuild_analytics from public;
    revoke all on function refresh_my_funnel, dirty_funnel_orgs, mark_day90_dirty from public;
    grant execute on function refresh_my_funnel, dirty_funnel_orgs, mark_day90_dirty to circle_app;
    grant select on application_facts, funnel_monthly, funnel_exits_monthly to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger if exists facts_applications on applications;
    drop trigger if exists facts_events on application_events;
    drop trigger if exists facts_survey on survey_responses;
    drop trigger if exists facts_bookings on workshop_bookings;
    drop trigger if exists facts_offers on offers;
    drop trigger if exists facts_members on team_members;
    drop function if exists facts_from_application, facts_from_application_ref, facts_from_member,
      rebuild_analytics, refresh_my_funnel, dirty_funnel_orgs, mark_day90_dirty, refresh_dirty_funnel, refresh_funnel_month, refresh_application_facts;
    drop index if exists workshop_bookings_application_idx, offers_application_idx, offers_member_idx;
    drop table if exists funnel_exits_monthly, funnel_monthly, application_facts;
  `.execute(db);
}
