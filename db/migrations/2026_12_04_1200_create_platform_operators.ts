import { type Kysely, sql } from "kysely";

// Platform operators run the service (the queue dashboard), across every organisation. They are
// not any organisation's staff: their own table, no org_id, so no tenant policy can ever let an
// organisation's admin become one. An account is made from the command line as the owner
// (`npm run operator:create`); circle_app gets no privilege on these tables at all, only the
// SECURITY DEFINER functions below, each returning just what its caller needs.
//
// The readiness check's look-ups live here too: the applied migrations (kysely_migration is the
// owner's) and the age of the oldest email not yet sent (the outbox is a tenant table).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table platform_operators (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email)),
      password_hash text not null,
      created_at timestamptz not null default now()
    );

    -- Like staff sessions: the cookie holds a random token, this table its SHA-256.
    create table operator_sessions (
      id text primary key,
      operator_id uuid not null references platform_operators on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    );
    create index operator_sessions_operator_idx on operator_sessions (operator_id);

    create function ops_operator_by_email(p_email text)
    returns table (id uuid, password_hash text)
    language sql stable security definer set search_path = public as $$
      select id, password_hash from platform_operators where email = lower(p_email)
    $$;

    create function ops_start_session(p_id text, p_operator_id uuid, p_expires_at timestamptz)
    returns void
    language sql volatile security definer set search_path = public as $$
      insert into operator_sessions (id, operator_id, expires_at) values (p_id, p_operator_id, p_expires_at)
    $$;

    create function ops_session(p_id text)
    returns uuid
    language sql stable security definer set search_path = public as $$
      select operator_id from operator_sessions
      where id = p_id and revoked_at is null and expires_at > now()
    $$;

    create function ops_end_session(p_id text)
    returns void
    language sql volatile security definer set search_path = public as $$
      update operator_sessions set revoked_at = now() where id = p_id and revoked_at is null
    $$;

    create function ops_applied_migrations()
    returns setof text
    language sql stable security definer set search_path = public as $$
      select name from kysely_migration order by name
    $$;

    -- Served by the partial index outbox_pending_idx (created_at where sent_at is null).
    create function ops_outbox_lag()
    returns table (unsent bigint, oldest_unsent_seconds double precision)
    language sql stable security definer set search_path = public as $$
      select count(*), extract(epoch from now() - min(created_at))::double precision
      from outbox where sent_at is null
    $$;

    revoke all on platform_operators, operator_sessions from circle_app;
    revoke all on function ops_operator_by_email, ops_start_session, ops_session, ops_end_session,
      ops_applied_migrations, ops_outbox_lag from public;
    grant execute on function ops_operator_by_email, ops_start_session, ops_session, ops_end_session,
      ops_applied_migrations, ops_outbox_lag to circle_app;
  `.execute(db);

  // Hand the functions to circle_definer, as 2026_12_04_0900_force_row_level_security.ts explains:
  // a non-superuser owner joins the role only for the hand-over.
  await sql`
    do $$
    declare
      fn text;
      superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      foreach fn in array array[
        'ops_operator_by_email(text)', 'ops_start_session(text, uuid, timestamptz)', 'ops_session(text)',
        'ops_end_session(text)', 'ops_applied_migrations()', 'ops_outbox_lag()'
      ] loop
        execute format('alter function %s owner to circle_definer', fn);
      end loop;
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  // Dropping a function needs its owner's rights: the same brief membership as above.
  await sql`
    do $$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      drop function if exists ops_operator_by_email, ops_start_session, ops_session, ops_end_session,
        ops_applied_migrations, ops_outbox_lag;
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
    drop table if exists operator_sessions, platform_operators;
  `.execute(db);
}
