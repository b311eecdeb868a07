import { type Kysely, sql } from "kysely";

// Every table with an org_id column: row-level security is FORCED, so the table owner (the
// migration role, DATABASE_URL) is held to the tenant policy too, unless it is a superuser or has
// BYPASSRLS. A connection as the owner, by mistake or by a script, then sees no organisation's rows
// until it sets one, as the app does.
//
// The SECURITY DEFINER look-ups (sign-in, sessions, the outbox relay, the sweeps, the analytics
// rollups) must still read across organisations. They stop running as the owner: they are handed
// to `circle_definer`, a NOLOGIN role that every tenant table lets through with its own policy
// (`definer_access`, TO circle_definer). A policy rather than BYPASSRLS, because creating a
// BYPASSRLS role needs a superuser, which managed PostgreSQL services do not give.
//
// The owner needs membership of circle_definer to hand it a function (ALTER ... OWNER TO), and
// while a member it would be covered by circle_definer's policy as well. So it joins only for the
// hand-over and leaves at once: after this migration nobody but the definer functions is
// circle_definer. Superusers need no membership.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$ begin
      if not exists (select from pg_roles where rolname = 'circle_definer') then
        create role circle_definer nologin nobypassrls;
      end if;
    exception when duplicate_object or unique_violation then null;
    end $$;
  `.execute(db);

  // Everything the definer functions touch, now and in later migrations (default privileges apply
  // to objects this role creates). CREATE on the schema: PostgreSQL requires it of a function's
  // new owner.
  await sql`
    grant usage, create on schema public to circle_definer;
    grant all on all tables in schema public to circle_definer;
    grant all on all sequences in schema public to circle_definer;
    grant execute on all functions in schema public to circle_definer;
    alter default privileges in schema public grant all on tables to circle_definer;
    alter default privileges in schema public grant all on sequences to circle_definer;
    alter default privileges in schema public grant execute on functions to circle_definer;
  `.execute(db);

  const tables = await tenantTables(db);
  for (const table of tables) {
    await sql`
      create policy definer_access on ${sql.table(table)} to circle_definer using (true) with check (true)
    `.execute(db);
    await sql`alter table ${sql.table(table)} enable row level security, force row level security`.execute(db);
  }

  await handDefinerFunctionsTo(db, "circle_definer");
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await handDefinerFunctionsTo(db, "current_user");
  for (const table of await tenantTables(db)) {
    await sql`alter table ${sql.table(table)} no force row level security`.execute(db);
    await sql`drop policy if exists definer_access on ${sql.table(table)}`.execute(db);
  }
  await sql`
    alter default privileges in schema public revoke all on tables from circle_definer;
    alter default privileges in schema public revoke all on sequences from circle_definer;
    alter default privileges in schema public revoke execute on functions from circle_definer;
    revoke all on all tables in schema public from circle_definer;
    revoke all on all sequences in schema public from circle_definer;
    revoke execute on all functions in schema public from circle_definer;
    revoke usage, create on schema public from circle_definer;
  `.execute(db);
  // The role itself stays: roles belong to the whole cluster, and other databases may use it.
}

// biome-ignore lint/suspicious/noExplicitAny: as above
async function tenantTables(db: Kysely<any>) {
  const { rows } = await sql<{ table: string }>`
    select c.relname as table
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
    order by c.relname
  `.execute(db);
  return rows.map((row) => row.table);
}

/** Gives every SECURITY DEFINER function in public to `owner` (a role name, or `current_user`). */
// biome-ignore lint/suspicious/noExplicitAny: as above
async function handDefinerFunctionsTo(db: Kysely<any>, owner: "circle_definer" | "current_user") {
  await sql`
    do $$
    declare
      fn regprocedure;
      superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      for fn in
        select p.oid::regprocedure from pg_proc p
        where p.prosecdef and p.pronamespace = 'public'::regnamespace
        order by p.oid
      loop
        execute format('alter function %s owner to ${sql.raw(owner)}', fn);
      end loop;
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
  `.execute(db);
}
