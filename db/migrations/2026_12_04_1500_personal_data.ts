import { type Kysely, sql } from "kysely";

// Data protection: erasure that keeps the figures, retention and legal holds.
//
// Erasing a candidate removes every piece of their personal data but keeps the anonymous facts the
// dashboards count (application_facts, one row per application, no name, no contact). Before the
// personal data goes, the application's facts are *frozen*: recomputed one last time, with the two
// things the People page counts from personal data copied in (the tidied place and the monitoring
// answers), and never recomputed again. So the rollups, rebuilt from facts, give the same numbers
// after erasure as before, while the sources (diversity_answers, the application's location, the
// survey, bookings, notes) are deleted or blanked.

/** As in migration 1700 (frozen here: later changes need a migration). */
const ANSWERS: Record<string, string[]> = {
  age_band: ["16_24", "25_34", "35_44", "45_54", "55_64", "65_plus", "prefer_not_to_say"],
  gender: ["woman", "man", "non_binary", "another_way", "prefer_not_to_say"],
  disability: ["yes", "no", "prefer_not_to_say"],
  ethnicity: ["asian", "black", "mixed", "white", "other", "prefer_not_to_say"],
  caring: ["yes", "no", "prefer_not_to_say"],
};
const QUESTIONS = Object.keys(ANSWERS);
const NOT_ANSWERED = "not_answered";
const MEASURES = { applications: "*", attended: "f.attended_at", hired: "f.started_at" } as const;
const peopleCounts = Object.entries(ANSWERS)
  .flatMap(([question, answers]) => [...answers, NOT_ANSWERED].map((answer) => ({ question, answer })))
  .flatMap(({ question, answer }) =>
    Object.values(MEASURES).map((counted) => `count(${counted}) filter (where coalesce(d.${question}, '${NOT_ANSWERED}') = '${answer}')`),
  );
const PLACE = `coalesce(nullif(upper(left(btrim(a.location), 1)) || substr(btrim(a.location), 2), ''), 'Not given')`;

function peopleMonth(monitoring: "frozen-first" | "answers-only") {
  const answers =
    monitoring === "frozen-first"
      ? QUESTIONS.map((q) => `case when f.frozen_at is not null then f.${q} else da.${q} end as ${q}`).join(", ")
      : QUESTIONS.map((q) => `da.${q}`).join(", ");
  const place = monitoring === "frozen-first" ? `case when f.frozen_at is not null then f.place else ${PLACE} end` : PLACE;
  return `
    create or replace function refresh_people_month(p_org uuid, p_month date) returns void
    language sql security definer set search_path = public, pg_temp as $$
      delete from people_monthly where org_id = p_org and cohort_month = p_month;
      delete from people_places_monthly where org_id = p_org and cohort_month = p_month;
      insert into people_monthly
      select f.org_id, f.cohort_month, f.region_id, f.team_id, f.vacancy_id, f.source, f.experience,
        ${peopleCounts.join(",\n        ")}
      from application_facts f
      left join diversity_answers da on da.application_id = f.application_id
      cross join lateral (select ${answers}) d
      where f.org_id = p_org and f.cohort_month = p_month
      group by f.org_id, f.cohort_month, f.region_id, f.team_id, f.vacancy_id, f.source, f.experience;
      insert into people_places_monthly
      select f.org_id, f.cohort_month, f.region_id, f.team_id, f.vacancy_id, f.source, f.experience,
        ${place} as place,
        count(*), count(f.attended_at), count(f.started_at)
      from application_facts f
      join applications a on a.id = f.application_id
      where f.org_id = p_org and f.cohort_month = p_month
      group by f.org_id, f.cohort_month, f.region_id, f.team_id, f.vacancy_id, f.source, f.experience, 8;
    $$;
  `;
}

async function asDefiner(db: Kysely<unknown>, work: string) {
  await sql`
    do $do$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      ${sql.raw(work)}
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $do$;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table application_facts
      add column frozen_at timestamptz,
      add column place text,
      ${sql.raw(QUESTIONS.map((q) => `add column ${q} text`).join(",\n      "))};

    alter table candidates
      add column erased_at timestamptz,
      add column future_jobs_consent_at timestamptz,
      add column legal_hold_reason text,
      add column legal_hold_at timestamptz,
      add column legal_hold_by_name text;
    create index candidates_not_erased_idx on candidates (org_id) where erased_at is null;

    -- An email that waits until a time (a decline sent the next morning at 9:00): the relay leaves it
    -- until then. Null: as soon as possible.
    alter table outbox add column send_after timestamptz;
    -- The stage-by-stage words of the decline email, edited by the organisation ({stage: text});
    -- a stage without its own words uses the default in app/domain/applications/outcome-words.ts.
    alter table org_settings add column decline_words jsonb not null default '{}';

    -- Each organisation's privacy notice, versioned: publishing adds a version, none is ever changed,
    -- and an application records the version its candidate agreed to.
    create table privacy_notices (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      version int not null check (version > 0),
      body text not null,
      published_at timestamptz not null default now(),
      published_by_name text not null,
      unique (org_id, version)
    );
    alter table privacy_notices enable row level security;
    alter table privacy_notices force row level security;
    create policy tenant_isolation on privacy_notices using (org_id = current_org_id()) with check (org_id = current_org_id());
    create policy definer_access on privacy_notices to circle_definer using (true) with check (true);
    grant select, insert on privacy_notices to circle_app;
    -- 0: the default notice (the organisation had not written its own yet).
    alter table applications add column privacy_notice_version int;

    alter table org_settings
      add column retention_months int not null default 6 check (retention_months between 1 and 60),
      add column retention_months_future_jobs int not null default 12 check (retention_months_future_jobs between 1 and 60);
  `.execute(db);

  // Frozen facts are never recomputed (the triggers that keep facts current skip them).
  await asDefiner(
    db,
    `
      alter function refresh_application_facts(uuid[]) rename to refresh_application_facts_all;
      create function refresh_application_facts(p_ids uuid[]) returns void
      language sql security definer set search_path = public as $b$
        select refresh_application_facts_all(array(
          select a from unnest(p_ids) a
          where not exists (select 1 from application_facts f where f.application_id = a and f.frozen_at is not null)
        ));
      $b$;
      alter function refresh_application_facts(uuid[]) owner to circle_definer;
      revoke all on function refresh_application_facts_all(uuid[]) from public;
    `,
  );
  await asDefiner(db, peopleMonth("frozen-first"));
  await asDefiner(
    db,
    `
      create or replace function outbox_pending(p_limit int)
      returns table (id uuid, org_id uuid)
      language sql stable security definer set search_path = public as $b$
        select id, org_id from outbox
        where sent_at is null and (enqueued_at is null or enqueued_at < now() - interval '5 minutes')
          and (send_after is null or send_after <= now())
        order by created_at limit p_limit
      $b$;
      create or replace function ops_outbox_lag()
      returns table (unsent bigint, oldest_unsent_seconds double precision)
      language sql stable security definer set search_path = public as $b$
        select count(*), extract(epoch from now() - min(coalesce(send_after, created_at)))::double precision
        from outbox where sent_at is null and (send_after is null or send_after <= now())
      $b$;
    `,
  );
  await sql`
    -- Freezes the facts of these applications (see the top of this migration). Called by erasure, in
    -- its transaction, before any personal data is removed.
    create function freeze_application_facts(p_ids uuid[]) returns void
    language plpgsql security definer set search_path = public, pg_temp as $$
    begin
      perform refresh_application_facts_all(p_ids);
      update application_facts f set
        frozen_at = now(),
        place = ${sql.raw(PLACE)},
        ${sql.raw(QUESTIONS.map((q) => `${q} = da.${q}`).join(", "))}
      from applications a
      left join diversity_answers da on da.application_id = a.id
      where a.id = f.application_id and f.application_id = any(p_ids) and f.frozen_at is null
        and a.org_id = current_org_id();
    end $$;
    revoke all on function freeze_application_facts from public;
    grant execute on function freeze_application_facts to circle_app;
  `.execute(db);
  await asDefiner(db, "alter function freeze_application_facts(uuid[]) owner to circle_definer;");
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await asDefiner(
    db,
    `
      drop function if exists freeze_application_facts(uuid[]);
      ${peopleMonth("answers-only")}
      drop function if exists refresh_application_facts(uuid[]);
      alter function refresh_application_facts_all(uuid[]) rename to refresh_application_facts;
    `,
  );
  await sql`
    alter table application_facts drop column frozen_at, drop column place,
      ${sql.raw(QUESTIONS.map((q) => `drop column ${q}`).join(", "))};
    alter table candidates drop column erased_at, drop column future_jobs_consent_at,
      drop column legal_hold_reason, drop column legal_hold_at, drop column legal_hold_by_name;
    alter table org_settings drop column retention_months, drop column retention_months_future_jobs, drop column decline_words;
    alter table outbox drop column send_after;
    alter table applications drop column privacy_notice_version;
    drop table privacy_notices;
  `.execute(db);
}
