import { type Kysely, sql } from "kysely";

// Staff personal data has an end too (issue 14 made staff accounts and team members pages of
// their own). A team member who left, or a deactivated account, is erased the organisation's
// staff retention period later (24 months unless changed), or sooner by an admin: name and email
// replaced, their own TeamFit answers, links, sessions and vote comments gone; the anonymous facts
// the team-mix and early-leaver figures need (experience, dates, teams) stay.
//
// The audit log and the privacy notices' versions are append-only for the app's role: the one way
// to take a former colleague's name and email out of them is this definer function, which does
// nothing else (it replaces those strings in the current organisation's rows).

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
    alter table team_members add column erased_at timestamptz;
    alter table users add column erased_at timestamptz;
    alter table org_settings
      add column staff_retention_months int not null default 24 check (staff_retention_months between 1 and 120);

    create function redact_person_in_records(p_names text[], p_emails text[], p_subjects uuid[], p_replacement text) returns void
    language plpgsql security definer set search_path = public, pg_temp as $$
    declare
      needle text;
      json_needle text;
    begin
      -- What was recorded about the person themselves (their details before and after a change).
      update audit_log set before = case when before is null then null else '{"erased": true}'::jsonb end,
        after = case when after is null then null else '{"erased": true}'::jsonb end
      where org_id = current_org_id() and subject_id = any(p_subjects);
      foreach needle in array p_names || p_emails loop
        continue when needle is null or length(needle) < 3;
        -- The same string as it appears inside a JSON document (quotes and backslashes escaped).
        json_needle := substr(to_json(needle)::text, 2, length(to_json(needle)::text) - 2);
        update audit_log set
          actor_name = replace(actor_name, needle, p_replacement),
          summary = replace(summary, needle, p_replacement),
          before = replace(before::text, json_needle, p_replacement)::jsonb,
          after = replace(after::text, json_needle, p_replacement)::jsonb
        where org_id = current_org_id()
          and (actor_name like '%' || needle || '%' or summary like '%' || needle || '%'
            or before::text like '%' || json_needle || '%' or after::text like '%' || json_needle || '%');
        update privacy_notices set published_by_name = p_replacement
        where org_id = current_org_id() and published_by_name = needle;
      end loop;
    end $$;
    revoke all on function redact_person_in_records from public;
    grant execute on function redact_person_in_records to circle_app;
  `.execute(db);
  await asDefiner(db, "alter function redact_person_in_records(text[], text[], uuid[], text) owner to circle_definer;");
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await asDefiner(db, "drop function if exists redact_person_in_records(text[], text[], uuid[], text);");
  await sql`
    alter table org_settings drop column staff_retention_months;
    alter table users drop column erased_at;
    alter table team_members drop column erased_at;
  `.execute(db);
}
