import { type Kysely, sql } from "kysely";

const TENANT_TABLES = ["votes", "vote_voters", "ballots", "vote_audit", "vote_links"] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- How the organisation's teams decide: consent or majority, the quorum, the window, secrecy.
    alter table org_settings
      add column vote_rule text not null default 'consent' check (vote_rule in ('consent', 'majority')),
      add column vote_quorum text not null default 'two_thirds' check (vote_quorum in ('half', 'two_thirds', 'three_quarters', 'all')),
      add column vote_window_hours int not null default 72 check (vote_window_hours between 24 and 336),
      add column vote_visibility text not null default 'secret' check (vote_visibility in ('secret', 'open'));

    -- Timeline entries that are not stage changes (a vote opening or closing): kind 'note'.
    alter table application_events add column kind text not null default 'stage' check (kind in ('stage', 'note'));

    -- One team vote on one application. The rule, quorum and secrecy are copied in when it opens,
    -- so changing the settings never changes a vote under way.
    create table votes (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      application_id uuid not null references applications on delete cascade,
      team_id uuid not null references teams on delete cascade,
      status text not null default 'open' check (status in ('open', 'closed')),
      rule text not null check (rule in ('consent', 'majority')),
      quorum text not null check (quorum in ('half', 'two_thirds', 'three_quarters', 'all')),
      visibility text not null check (visibility in ('secret', 'open')),
      opened_at timestamptz not null default now(),
      opened_by_name text not null,
      closes_at timestamptz not null,
      -- The window is extended once (48 hours) when the quorum is not reached.
      extended boolean not null default false,
      closed_at timestamptz,
      outcome text check (outcome in ('passed', 'not_passed', 'no_quorum')),
      -- { eligible, required, cast, yes, no, concern }, written once at the close.
      result jsonb,
      -- After a vote that did not pass: the lead's own words to the candidate.
      candidate_message text,
      candidate_message_sent_at timestamptz,
      check ((status = 'closed') = (outcome is not null))
    );
    create unique index votes_one_open on votes (application_id) where status = 'open';
    create index votes_application_idx on votes (application_id, opened_at desc);

    -- Who may vote: the team's active members when the vote opened. A declared conflict of
    -- interest excludes the member (recorded, with the reason).
    create table vote_voters (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      vote_id uuid not null references votes on delete cascade,
      team_member_id uuid not null references team_members on delete cascade,
      conflict_reason text,
      conflict_declared_at timestamptz,
      primary key (vote_id, team_member_id)
    );

    -- One ballot per voter, changeable until the close. recorded_by_* is set when a coordinator
    -- recorded it on the member's behalf; confirmed_at when the member then confirmed it.
    create table ballots (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      vote_id uuid not null,
      team_member_id uuid not null,
      choice text not null check (choice in ('yes', 'no', 'concern')),
      comment text not null default '',
      cast_at timestamptz not null default now(),
      recorded_by_user_id uuid references users on delete set null,
      recorded_by_name text,
      confirmed_at timestamptz,
      primary key (vote_id, team_member_id),
      foreign key (vote_id, team_member_id) references vote_voters on delete cascade
    );

    -- Who did what and when (never which way anyone voted).
    create table vote_audit (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      vote_id uuid not null references votes on delete cascade,
      team_member_id uuid references team_members on delete set null,
      action text not null check (action in ('voted', 'changed', 'recorded_for', 'confirmed', 'conflict_declared')),
      actor_name text not null,
      created_at timestamptz not null default clock_timestamp()
    );
    create index vote_audit_vote_idx on vote_audit (vote_id, created_at);

    -- A voter's personal link (care workers vote from an email on their phone, no password).
    create table vote_links (
      token_hash text primary key,
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      vote_id uuid not null references votes on delete cascade,
      team_member_id uuid not null references team_members on delete cascade,
      expires_at timestamptz not null
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
    create function auth_vote_link(p_hash text)
    returns table (org_id uuid, vote_id uuid, team_member_id uuid)
    language sql stable security definer set search_path = public as $$
      select org_id, vote_id, team_member_id from vote_links where token_hash = p_hash and expires_at > now()
    $$;

    -- Open votes closing within 24 hours (reminders) or already past their close, for the sweep.
    create function votes_due(p_limit int)
    returns table (org_id uuid, vote_id uuid)
    language sql stable security definer set search_path = public as $$
      select org_id, id from votes
      where status = 'open' and closes_at < now() + interval '24 hours'
      order by closes_at limit p_limit
    $$;
    revoke all on function auth_vote_link, votes_due from public;
    grant execute on function auth_vote_link, votes_due to circle_app;
    grant select, insert, update, delete on votes, vote_voters, ballots, vote_audit, vote_links to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop function if exists auth_vote_link, votes_due;
    drop table if exists vote_links, vote_audit, ballots, vote_voters, votes;
    alter table application_events drop column if exists kind;
    alter table org_settings drop column if exists vote_rule, drop column if exists vote_quorum,
      drop column if exists vote_window_hours, drop column if exists vote_visibility;
  `.execute(db);
}
