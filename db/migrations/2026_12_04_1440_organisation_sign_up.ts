import { type Kysely, sql } from "kysely";

// Sign-up at /start. The app's role may read organisations but not write them, so a new one is
// made by a SECURITY DEFINER function, inside the transaction that already carries the new
// organisation's id (`withOrg` with a fresh uuid): the organisation, its defaults and its first
// admin commit together or not at all. Email confirmation links are a tenant table of hashed,
// single-use tokens; the link is opened before anyone is signed in, so one definer function finds
// a token's organisation.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function create_organisation(p_slug text, p_name text, p_confirmed boolean)
    returns uuid
    language plpgsql volatile security definer set search_path = public as $$
    declare new_id uuid := current_org_id();
    begin
      if new_id is null then raise exception 'create_organisation needs the new organisation''s id set (withOrg)'; end if;
      insert into organisations (id, slug, name, confirmed_at)
      values (new_id, p_slug, p_name, case when p_confirmed then now() end);
      return new_id;
    end $$;

    -- Only the organisation in scope may mark itself confirmed.
    create function confirm_current_organisation() returns void
    language sql volatile security definer set search_path = public as $$
      update organisations set confirmed_at = coalesce(confirmed_at, now()) where id = current_org_id()
    $$;

    create table staff_tokens (
      token_hash text primary key,
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      user_id uuid not null references users on delete cascade,
      purpose text not null check (purpose in ('confirm_email')),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index staff_tokens_user on staff_tokens (user_id);
    alter table staff_tokens enable row level security;
    alter table staff_tokens force row level security;
    create policy tenant_isolation on staff_tokens using (org_id = current_org_id()) with check (org_id = current_org_id());
    create policy definer_access on staff_tokens to circle_definer using (true) with check (true);
    grant select, insert, update on staff_tokens to circle_app;

    -- The organisation of a staff link, before anyone is signed in (nothing else).
    create function auth_staff_token_org(p_hash text) returns uuid
    language sql stable security definer set search_path = public as $$
      select org_id from staff_tokens where token_hash = p_hash
    $$;

    revoke all on function create_organisation, confirm_current_organisation, auth_staff_token_org from public;
    grant execute on function create_organisation, confirm_current_organisation, auth_staff_token_org to circle_app;
  `.execute(db);
  // Hand them to circle_definer, as 2026_12_04_0900_force_row_level_security.ts explains.
  await sql`
    do $$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      alter function create_organisation(text, text, boolean) owner to circle_definer;
      alter function confirm_current_organisation() owner to circle_definer;
      alter function auth_staff_token_org(text) owner to circle_definer;
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
      drop function if exists create_organisation, confirm_current_organisation, auth_staff_token_org;
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
    drop table if exists staff_tokens;
  `.execute(db);
}
