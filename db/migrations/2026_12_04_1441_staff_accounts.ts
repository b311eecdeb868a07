import { type Kysely, sql } from "kysely";

// Staff accounts: admins invite people by email (a hashed single-use link, 7 days) and may
// deactivate an account. A deactivated person can neither sign in nor keep a session: the two
// look-ups that run before an organisation is known now skip them, so their very next request
// finds no session.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users add column deactivated_at timestamptz;

    create table staff_invitations (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      email text not null check (email = lower(email)),
      role text not null check (role in ('lead', 'coach', 'member', 'admin')),
      invited_by uuid references users on delete set null,
      token_hash text unique,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      withdrawn_at timestamptz,
      created_at timestamptz not null default now()
    );
    -- One open invitation per address in an organisation.
    create unique index staff_invitations_open on staff_invitations (org_id, email) where accepted_at is null and withdrawn_at is null;
    alter table staff_invitations enable row level security;
    alter table staff_invitations force row level security;
    create policy tenant_isolation on staff_invitations using (org_id = current_org_id()) with check (org_id = current_org_id());
    create policy definer_access on staff_invitations to circle_definer using (true) with check (true);
    grant select, insert, update on staff_invitations to circle_app;
  `.execute(db);
  await sql`
    do $$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;

      create or replace function auth_session(p_id text)
      returns table (org_id uuid, user_id uuid, candidate_id uuid, role text, name text)
      language sql stable security definer set search_path = public as $f$
        select s.org_id, s.user_id, s.candidate_id, u.role, coalesce(u.name, c.full_name)
        from sessions s
        left join users u on u.id = s.user_id
        left join candidates c on c.id = s.candidate_id
        where s.id = p_id and s.revoked_at is null and s.expires_at > now()
          and (s.user_id is null or u.deactivated_at is null)
      $f$;

      create or replace function auth_staff_by_email(p_email text)
      returns table (id uuid, org_id uuid, password_hash text)
      language sql stable security definer set search_path = public as $f$
        select id, org_id, password_hash from users where email = lower(p_email) and deactivated_at is null
      $f$;

      -- The organisation of an invitation link, before anyone is signed in (nothing else).
      create function auth_invitation_org(p_hash text) returns uuid
      language sql stable security definer set search_path = public as $f$
        select org_id from staff_invitations where token_hash = p_hash
      $f$;
      revoke all on function auth_invitation_org from public;
      grant execute on function auth_invitation_org to circle_app;

      alter function auth_session(text) owner to circle_definer;
      alter function auth_staff_by_email(text) owner to circle_definer;
      alter function auth_invitation_org(text) owner to circle_definer;
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
      drop function if exists auth_invitation_org;
      create or replace function auth_session(p_id text)
      returns table (org_id uuid, user_id uuid, candidate_id uuid, role text, name text)
      language sql stable security definer set search_path = public as $f$
        select s.org_id, s.user_id, s.candidate_id, u.role, coalesce(u.name, c.full_name)
        from sessions s
        left join users u on u.id = s.user_id
        left join candidates c on c.id = s.candidate_id
        where s.id = p_id and s.revoked_at is null and s.expires_at > now()
      $f$;
      create or replace function auth_staff_by_email(p_email text)
      returns table (id uuid, org_id uuid, password_hash text)
      language sql stable security definer set search_path = public as $f$
        select id, org_id, password_hash from users where email = lower(p_email)
      $f$;
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
    drop table if exists staff_invitations;
    alter table users drop column if exists deactivated_at;
  `.execute(db);
}
