import { type Kysely, sql } from "kysely";

const TENANT_TABLES = ["offers", "prestart_checks", "touchpoints", "touchpoint_links", "kit_content"] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- An offer after a passed team vote. One live (offered or accepted) offer per application.
    create table offers (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      application_id uuid not null references applications on delete cascade,
      team_id uuid not null references teams on delete cascade,
      buddy_member_id uuid references team_members on delete set null,
      role_title text not null,
      hours text not null,
      pay text not null,
      start_date date not null,
      -- offered → accepted → started; or declined (by the candidate before accepting), withdrawn
      -- (after accepting, with a reason category), no_show (start date passed, never started).
      status text not null default 'offered'
        check (status in ('offered', 'accepted', 'declined', 'withdrawn', 'started', 'no_show')),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      accepted_at timestamptz,
      declined_at timestamptz,
      decline_reason text,
      withdrawn_at timestamptz,
      withdrawal_reason text check (withdrawal_reason in
        ('another_job', 'pay', 'hours', 'travel', 'personal', 'checks_failed', 'no_reply', 'other')),
      withdrawal_note text,
      started_on date,
      -- The team_members row the person became on their first day.
      member_id uuid references team_members on delete set null,
      no_show_flagged_at timestamptz
    );
    create unique index offers_one_live on offers (application_id) where status in ('offered', 'accepted');
    create index offers_accepted_idx on offers (org_id, accepted_at) where accepted_at is not null;

    -- Pre-start checks per offer: references, DBS, right to work.
    create table prestart_checks (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      offer_id uuid not null references offers on delete cascade,
      kind text not null check (kind in ('references', 'dbs', 'right_to_work')),
      status text not null default 'pending' check (status in ('pending', 'done', 'problem')),
      status_changed_at timestamptz not null default now(),
      note text not null default '',
      updated_by_name text,
      primary key (offer_id, kind)
    );

    -- Keeping in touch: every planned contact between acceptance and the first 90 days.
    -- kit: the weekly keep-in-touch email (seq = week 1, 2, ...); buddy_call: the buddy's task to
    -- ring them that week; checkin: the wellbeing check-in on day seq (7, 30, 90) after the start.
    create table touchpoints (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      offer_id uuid not null references offers on delete cascade,
      kind text not null check (kind in ('kit', 'buddy_call', 'checkin')),
      seq int not null,
      due_at timestamptz not null,
      sent_at timestamptz,
      done_at timestamptz,
      replied_at timestamptz,
      answer text check (answer in ('good', 'ok', 'worried')),
      note text not null default '',
      cancelled_at timestamptz,
      unique (offer_id, kind, seq)
    );
    create index touchpoints_due_idx on touchpoints (due_at) where sent_at is null and cancelled_at is null;

    -- A new starter's personal link to answer a check-in (or reply to a keep-in-touch email).
    create table touchpoint_links (
      token_hash text primary key,
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      touchpoint_id uuid not null references touchpoints on delete cascade,
      expires_at timestamptz not null
    );

    -- The organisation's words for each week's keep-in-touch email (week 1 = first week after accepting).
    create table kit_content (
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      week int not null check (week between 1 and 52),
      title text not null,
      body text not null,
      primary key (org_id, week)
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
    create function auth_touchpoint_link(p_hash text)
    returns table (org_id uuid, touchpoint_id uuid)
    language sql stable security definer set search_path = public as $$
      select org_id, touchpoint_id from touchpoint_links where token_hash = p_hash and expires_at > now()
    $$;

    -- Touchpoints due and not sent (or cancelled), across organisations, for the sweep.
    create function touchpoints_due(p_limit int)
    returns table (org_id uuid, touchpoint_id uuid)
    language sql stable security definer set search_path = public as $$
      select org_id, id from touchpoints
      where sent_at is null and cancelled_at is null and due_at <= now()
      order by due_at limit p_limit
    $$;

    -- Accepted offers whose start date passed more than 3 days ago without a confirmed start.
    create function offers_due_no_show(p_limit int)
    returns table (org_id uuid, offer_id uuid)
    language sql stable security definer set search_path = public as $$
      select org_id, id from offers
      where status = 'accepted' and no_show_flagged_at is null and start_date < current_date - 3
      order by start_date limit p_limit
    $$;
    revoke all on function auth_touchpoint_link, touchpoints_due, offers_due_no_show from public;
    grant execute on function auth_touchpoint_link, touchpoints_due, offers_due_no_show to circle_app;
    grant select, insert, update, delete on offers, prestart_checks, touchpoints, touchpoint_links, kit_content to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop function if exists auth_touchpoint_link, touchpoints_due, offers_due_no_show;
    drop table if exists kit_content, touchpoint_links, touchpoints, prestart_checks, offers;
  `.execute(db);
}
