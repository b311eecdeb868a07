import { type Kysely, sql } from "kysely";

const TENANT_TABLES = ["org_settings", "survey_versions", "survey_responses", "survey_answers", "member_survey_links"] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- One row per organisation once it changes a default; absent rows mean the defaults below.
    create table org_settings (
      org_id uuid primary key default current_org_id() references organisations on delete cascade,
      survey_threshold int not null default 60 check (survey_threshold between 0 and 100),
      survey_reminder_days int[] not null default '{2,5}'
    );

    -- A survey version is immutable once published: editing makes a new draft version.
    create table survey_versions (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      version int not null,
      status text not null check (status in ('draft', 'live', 'retired')),
      definition jsonb not null,
      created_at timestamptz not null default now(),
      published_at timestamptz,
      unique (org_id, version)
    );
    create unique index survey_versions_one_live on survey_versions (org_id) where status = 'live';
    create unique index survey_versions_one_draft on survey_versions (org_id) where status = 'draft';

    alter table team_members add column email text check (email = lower(email));

    -- One response per application (a candidate) or per team member (for the team's profile).
    create table survey_responses (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      version_id uuid not null references survey_versions,
      application_id uuid unique references applications on delete cascade,
      team_member_id uuid unique references team_members on delete cascade,
      started_at timestamptz not null default now(),
      completed_at timestamptz,
      profile jsonb,
      fit int,
      outcome text check (outcome in ('invited', 'review')),
      check ((application_id is null) <> (team_member_id is null))
    );

    create table survey_answers (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      response_id uuid not null references survey_responses on delete cascade,
      item_id text not null,
      answer text not null,
      answered_at timestamptz not null default now(),
      primary key (response_id, item_id)
    );

    -- Links a lead sends team members so they can take the survey without an account.
    create table member_survey_links (
      token_hash text primary key,
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      team_member_id uuid not null references team_members on delete cascade,
      expires_at timestamptz not null
    );

    -- Emails that must go out at most once (reminders) carry a key that makes a repeat a no-op.
    alter table outbox add column dedupe_key text;
    create unique index outbox_dedupe_idx on outbox (org_id, dedupe_key) where dedupe_key is not null;
  `.execute(db);

  for (const table of TENANT_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (org_id = current_org_id()) with check (org_id = current_org_id())
    `.execute(db);
  }

  await sql`
    create function auth_member_survey_link(p_hash text)
    returns table (org_id uuid, team_member_id uuid)
    language sql stable security definer set search_path = public as $$
      select org_id, team_member_id from member_survey_links where token_hash = p_hash and expires_at > now()
    $$;

    -- Applications whose survey reminders may be due, across organisations, for the sweep.
    create function survey_reminder_candidates(p_limit int)
    returns table (org_id uuid, application_id uuid)
    language sql stable security definer set search_path = public as $$
      select a.org_id, a.id from applications a
      left join survey_responses r on r.application_id = a.id
      where a.stage in ('applied', 'survey') and r.completed_at is null
        and a.created_at < now() - interval '1 day'
        and a.created_at > now() - interval '30 days'
      order by a.created_at limit p_limit
    $$;

    revoke all on function auth_member_survey_link, survey_reminder_candidates from public;
    grant execute on function auth_member_survey_link, survey_reminder_candidates to circle_app;
    grant select, insert, update, delete on org_settings, survey_versions, survey_responses, survey_answers, member_survey_links to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop function if exists auth_member_survey_link, survey_reminder_candidates;
    drop index if exists outbox_dedupe_idx;
    alter table outbox drop column if exists dedupe_key;
    drop table if exists member_survey_links, survey_answers, survey_responses, survey_versions, org_settings;
    alter table team_members drop column if exists email;
  `.execute(db);
}
