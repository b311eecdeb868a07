import { type Kysely, sql } from "kysely";

// Tables whose rows belong to one organisation: each gets org_id (defaulting to the organisation
// set for the transaction) and a row-level-security policy that hides every other organisation.
const TENANT_TABLES = [
  "regions",
  "teams",
  "users",
  "team_members",
  "vacancies",
  "candidates",
  "applications",
  "application_events",
  "sessions",
  "login_tokens",
  "outbox",
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$ begin
      if not exists (select from pg_roles where rolname = 'circle_app') then
        create role circle_app login nobypassrls;
      end if;
    exception when duplicate_object or unique_violation then null;
    end $$;
  `.execute(db);

  // NULL when no organisation is set, so policies then match no row.
  await sql`
    create function current_org_id() returns uuid language sql stable as $$
      select nullif(current_setting('app.org_id', true), '')::uuid
    $$;
  `.execute(db);

  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
      name text not null,
      created_at timestamptz not null default now()
    );

    create table regions (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      name text not null,
      unique (org_id, name)
    );

    create table teams (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      region_id uuid not null references regions on delete cascade,
      name text not null,
      town text not null,
      unique (org_id, name)
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      email text not null unique check (email = lower(email)),
      name text not null,
      password_hash text not null,
      role text not null check (role in ('lead', 'coach', 'member', 'admin')),
      created_at timestamptz not null default now()
    );

    create table team_members (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      team_id uuid not null references teams on delete cascade,
      user_id uuid references users on delete set null,
      name text not null,
      experience text not null check (experience in ('experienced', 'new_to_care')),
      joined_on date not null,
      left_on date
    );
    create index team_members_team_idx on team_members (team_id) where left_on is null;

    create table vacancies (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      team_id uuid not null references teams on delete cascade,
      title text not null,
      town text not null,
      hours text not null,
      summary text not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      created_at timestamptz not null default now()
    );
    create index vacancies_open_idx on vacancies (org_id, created_at desc) where status = 'open';

    create table candidates (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      email text not null check (email = lower(email)),
      full_name text not null,
      phone text not null,
      created_at timestamptz not null default now(),
      unique (org_id, email)
    );

    create table applications (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      candidate_id uuid not null references candidates on delete cascade,
      vacancy_id uuid not null references vacancies on delete cascade,
      stage text not null default 'applied',
      experience text not null check (experience in ('experienced', 'new_to_care')),
      source text not null,
      location text not null,
      availability text[] not null default '{}',
      right_to_work boolean not null,
      adjustments text[] not null default '{}',
      adjustments_note text not null default '',
      created_at timestamptz not null default now(),
      stage_changed_at timestamptz not null default now(),
      unique (vacancy_id, candidate_id)
    );
    create index applications_stage_idx on applications (org_id, stage, stage_changed_at desc);
    create index applications_candidate_idx on applications (candidate_id);

    create table application_events (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      application_id uuid not null references applications on delete cascade,
      from_stage text,
      to_stage text not null,
      actor_user_id uuid references users on delete set null,
      actor_name text not null,
      reason text,
      created_at timestamptz not null default clock_timestamp()
    );
    create index application_events_app_idx on application_events (application_id, created_at);

    -- Staff and candidate sessions. id is the SHA-256 of the cookie's random token.
    create table sessions (
      id text primary key,
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      user_id uuid references users on delete cascade,
      candidate_id uuid references candidates on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      check ((user_id is null) <> (candidate_id is null))
    );

    -- Candidates' email sign-in links. token_hash is the SHA-256 of the link's random token.
    create table login_tokens (
      token_hash text primary key,
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      candidate_id uuid not null references candidates on delete cascade,
      next_path text not null default '/me',
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );

    -- Emails to send, written in the same transaction as the change that causes them.
    create table outbox (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      kind text not null,
      payload jsonb not null default '{}',
      created_at timestamptz not null default now(),
      enqueued_at timestamptz,
      sent_at timestamptz,
      provider_id text
    );
    create index outbox_pending_idx on outbox (created_at) where sent_at is null;
  `.execute(db);

  for (const table of TENANT_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (org_id = current_org_id()) with check (org_id = current_org_id())
    `.execute(db);
  }

  // Look-ups that must work before an organisation is known (sign-in, session cookies, the relay).
  // SECURITY DEFINER runs them as the table owner; each returns only what its caller needs.
  await sql`
    create function auth_session(p_id text)
    returns table (org_id uuid, user_id uuid, candidate_id uuid, role text, name text)
    language sql stable security definer set search_path = public as $$
      select s.org_id, s.user_id, s.candidate_id, u.role, coalesce(u.name, c.full_name)
      from sessions s
      left join users u on u.id = s.user_id
      left join candidates c on c.id = s.candidate_id
      where s.id = p_id and s.revoked_at is null and s.expires_at > now()
    $$;

    create function auth_staff_by_email(p_email text)
    returns table (id uuid, org_id uuid, password_hash text)
    language sql stable security definer set search_path = public as $$
      select id, org_id, password_hash from users where email = lower(p_email)
    $$;

    -- Every organisation where this email has applied: a candidate asking for a sign-in link
    -- from /me does not need to know which provider they applied to.
    create function auth_candidates_by_email(p_email text)
    returns table (org_id uuid, candidate_id uuid)
    language sql stable security definer set search_path = public as $$
      select org_id, id from candidates where email = lower(p_email)
    $$;

    create function auth_peek_login_token(p_hash text)
    returns table (org_id uuid, candidate_id uuid, next_path text, usable boolean)
    language sql stable security definer set search_path = public as $$
      select org_id, candidate_id, next_path, (used_at is null and expires_at > now())
      from login_tokens where token_hash = p_hash
    $$;

    create function auth_consume_login_token(p_hash text)
    returns table (org_id uuid, candidate_id uuid, next_path text)
    language sql volatile security definer set search_path = public as $$
      update login_tokens set used_at = now()
      where token_hash = p_hash and used_at is null and expires_at > now()
      returning org_id, candidate_id, next_path
    $$;

    -- Emails not yet sent whose job was never enqueued, or was enqueued long enough ago that
    -- Redis may have lost it. Job ids are stable, so enqueueing one again is harmless.
    create function outbox_pending(p_limit int)
    returns table (id uuid, org_id uuid)
    language sql stable security definer set search_path = public as $$
      select id, org_id from outbox
      where sent_at is null and (enqueued_at is null or enqueued_at < now() - interval '5 minutes')
      order by created_at limit p_limit
    $$;

    grant usage on schema public to circle_app;
    grant select on organisations to circle_app;
    grant select, insert, update, delete on
      regions, teams, users, team_members, vacancies, candidates, applications,
      application_events, sessions, login_tokens, outbox
    to circle_app;
    revoke all on function auth_session, auth_staff_by_email, auth_peek_login_token,
      auth_consume_login_token, outbox_pending, auth_candidates_by_email from public;
    grant execute on function current_org_id, auth_session, auth_staff_by_email,
      auth_peek_login_token, auth_consume_login_token, outbox_pending, auth_candidates_by_email to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop function if exists auth_session, auth_staff_by_email, auth_peek_login_token,
      auth_consume_login_token, outbox_pending, auth_candidates_by_email;
    drop table if exists outbox, login_tokens, sessions, application_events, applications,
      candidates, vacancies, team_members, users, teams, regions, organisations;
    drop function if exists current_org_id;
  `.execute(db);
}
