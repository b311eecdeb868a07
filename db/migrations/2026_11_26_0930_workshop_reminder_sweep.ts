import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Live bookings whose workshop starts within 48 hours, across organisations, for the sweep.
    create function workshop_reminder_candidates(p_limit int)
    returns table (org_id uuid, booking_id uuid)
    language sql stable security definer set search_path = public as $$
      select b.org_id, b.id from workshop_bookings b
      join workshops w on w.id = b.workshop_id
      where b.status = 'booked' and w.status = 'scheduled'
        and w.starts_at > now() and w.starts_at < now() + interval '48 hours'
      order by w.starts_at limit p_limit
    $$;
    revoke all on function workshop_reminder_candidates from public;
    grant execute on function workshop_reminder_candidates to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists workshop_reminder_candidates`.execute(db);
}
