import { type Kysely, sql } from "kysely";

// Settings > Organisation: an admin renames the organisation, and sets a public contact email (the
// Reply-To of every email sent for it) and the sender name people see. The contact email and the
// sender name are settings (the app's role writes `org_settings`); the name lives on
// `organisations`, which the app's role only reads, so it changes through a definer function that
// touches only the current organisation's name (its trigger bumps the public pages' version).

async function asDefiner(db: Kysely<unknown>, work: string) {
  await sql`
    do $do$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      ${sql.raw(work)}
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $do$;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table org_settings
      add column contact_email text check (contact_email = lower(contact_email)),
      add column sender_name text;

    create function rename_current_organisation(p_name text) returns void
    language sql security definer set search_path = public as $$
      update organisations set name = p_name where id = current_org_id();
    $$;
    revoke all on function rename_current_organisation from public;
    grant execute on function rename_current_organisation to circle_app;
  `.execute(db);
  await asDefiner(db, "alter function rename_current_organisation(text) owner to circle_definer;");
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await asDefiner(db, "drop function if exists rename_current_organisation(text);");
  await sql`alter table org_settings drop column contact_email, drop column sender_name`.execute(db);
}
