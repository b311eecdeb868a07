import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table org_settings add column workshop_min_attendees int not null default 8 check (workshop_min_attendees between 1 and 200);
    alter table workshops add column low_numbers_alerted_at timestamptz;

    -- Workshops starting within 48 hours not yet checked for low numbers, across organisations.
    create function workshops_due_numbers_check(p_limit int)
    returns table (org_id uuid, workshop_id uuid)
    language sql stable security definer set search_path = public as $$
      select org_id, id from workshops
      where status = 'scheduled' and low_numbers_alerted_at is null
        and starts_at > now() and starts_at < now() + interval '48 hours'
      order by starts_at limit p_limit
    $$;
    revoke all on function workshops_due_numbers_check from public;
    grant execute on function workshops_due_numbers_check to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop function if exists workshops_due_numbers_check;
    alter table workshops drop column if exists low_numbers_alerted_at;
    alter table org_settings drop column if exists workshop_min_attendees;
  `.execute(db);
}
