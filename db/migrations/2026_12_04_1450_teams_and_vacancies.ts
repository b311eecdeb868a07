import { type Kysely, sql } from "kysely";

// Organisations run their own teams and vacancies.
// - Regions and teams can be archived (kept for history and analytics, hidden from choices).
// - A member who moves team keeps one row (so offers, votes and the early-leaver figures still point
//   at them); `team_memberships` keeps where they were and when. `left_reason` says why they left.
// - Vacancies start as drafts; `published_at` is when they first went live. Seeded and existing
//   vacancies count as published when they were created. The closing job closes open vacancies
//   past `closes_on` (a UK date), across organisations, through `vacancies_past_closing`.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table regions add column archived_at timestamptz;
    alter table teams add column archived_at timestamptz;
    alter table team_members add column left_reason text;

    create table team_memberships (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      member_id uuid not null references team_members on delete cascade,
      team_id uuid not null references teams on delete cascade,
      from_on date not null,
      to_on date,
      created_at timestamptz not null default now()
    );
    create index team_memberships_member_idx on team_memberships (member_id, from_on);
    insert into team_memberships (org_id, member_id, team_id, from_on, to_on)
      select org_id, id, team_id, joined_on, left_on from team_members;

    alter table team_memberships enable row level security;
    alter table team_memberships force row level security;
    create policy tenant_isolation on team_memberships
      using (org_id = current_org_id()) with check (org_id = current_org_id());
    create policy definer_access on team_memberships to circle_definer using (true) with check (true);
    grant select, insert, update, delete on team_memberships to circle_app;

    alter table vacancies drop constraint vacancies_status_check;
    alter table vacancies add constraint vacancies_status_check check (status in ('draft', 'open', 'closed'));
    alter table vacancies
      add column postcode text,
      add column pay_min_pence int check (pay_min_pence > 0),
      add column pay_max_pence int check (pay_max_pence >= pay_min_pence),
      add column contract_type text check (contract_type in ('full_time', 'part_time', 'fixed_term', 'bank')),
      add column closes_on date,
      add column description text not null default '',
      add column published_at timestamptz,
      add column closed_at timestamptz,
      add column updated_at timestamptz not null default now();
    update vacancies set published_at = created_at;
    create index vacancies_closing_idx on vacancies (closes_on) where status = 'open';

    -- Open vacancies past their closing date (a UK date), in every organisation: ids only.
    create function vacancies_past_closing(p_today date)
    returns table (org_id uuid, vacancy_id uuid)
    language sql stable security definer set search_path = public as $$
      select org_id, id from vacancies where status = 'open' and closes_on < p_today order by closes_on
    $$;
    revoke all on function vacancies_past_closing from public;
    grant execute on function vacancies_past_closing to circle_app;
  `.execute(db);
  // Hand it to circle_definer, as 2026_12_04_0900_force_row_level_security.ts explains.
  await sql`
    do $$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      alter function vacancies_past_closing(date) owner to circle_definer;
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      drop function if exists vacancies_past_closing;
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
    delete from vacancies where status = 'draft';
    alter table vacancies drop constraint vacancies_status_check;
    alter table vacancies add constraint vacancies_status_check check (status in ('open', 'closed'));
    alter table vacancies drop column postcode, drop column pay_min_pence, drop column pay_max_pence,
      drop column contract_type, drop column closes_on, drop column description, drop column published_at,
      drop column closed_at, drop column updated_at;
    drop table if exists team_memberships;
    alter table team_members drop column left_reason;
    alter table teams drop column archived_at;
    alter table regions drop column archived_at;
  `.execute(db);
}
