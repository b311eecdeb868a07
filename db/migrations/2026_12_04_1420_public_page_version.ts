import { type Kysely, sql } from "kysely";

/**
 * A version per organisation for its public pages (careers page, vacancy pages), which web
 * processes use to key their render cache (app/utils/public-page-cache.server.ts). Triggers bump it
 * in the same transaction as any change that shows on those pages: a vacancy inserted, edited,
 * closed or deleted (whatever code path does it), a team renamed or deleted (vacancies show the
 * team's name), the organisation renamed or its slug changed. Each bump also sends
 * `NOTIFY public_pages, '<org id>:<version>'`, delivered to listening web processes at commit.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisations add column public_version bigint not null default 1;

    -- Definer: circle_app may only read organisations, and the bump must happen whatever role
    -- changes the vacancy.
    create function bump_public_version(p_org uuid) returns void
    language plpgsql security definer set search_path = public as $$
    declare v bigint;
    begin
      update organisations set public_version = public_version + 1 where id = p_org returning public_version into v;
      if v is not null then perform pg_notify('public_pages', p_org::text || ':' || v::text); end if;
    end $$;
    revoke all on function bump_public_version from public;

    create function public_pages_changed() returns trigger
    language plpgsql security definer set search_path = public as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then perform bump_public_version(old.org_id); end if;
      if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.org_id is distinct from old.org_id) then
        perform bump_public_version(new.org_id);
      end if;
      return null;
    end $$;
    revoke all on function public_pages_changed from public;

    create trigger vacancies_public_version after insert or update or delete on vacancies
      for each row execute function public_pages_changed();
    create trigger teams_public_version after update of name or delete on teams
      for each row execute function public_pages_changed();

    create function organisation_public_version() returns trigger
    language plpgsql as $$
    begin
      if new.name is distinct from old.name or new.slug is distinct from old.slug then
        new.public_version := old.public_version + 1;
        perform pg_notify('public_pages', new.id::text || ':' || new.public_version::text);
      end if;
      return new;
    end $$;
    create trigger organisations_public_version before update on organisations
      for each row execute function organisation_public_version();
  `.execute(db);
  // Hand the definer functions to circle_definer, as 2026_12_04_0900_force_row_level_security.ts explains.
  await sql`
    do $$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      alter function bump_public_version(uuid) owner to circle_definer;
      alter function public_pages_changed() owner to circle_definer;
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger if exists vacancies_public_version on vacancies;
    drop trigger if exists teams_public_version on teams;
    drop trigger if exists organisations_public_version on organisations;
    drop function if exists organisation_public_version();
  `.execute(db);
  await sql`
    do $$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      drop function if exists public_pages_changed();
      drop function if exists bump_public_version(uuid);
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
  `.execute(db);
  await sql`alter table organisations drop column if exists public_version`.execute(db);
}
