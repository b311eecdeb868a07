import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table workshop_bookings
      add column attendance text check (attendance in ('attended', 'late', 'no_show')),
      add column attendance_recorded_at timestamptz;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table workshop_bookings drop column if exists attendance, drop column if exists attendance_recorded_at`.execute(db);
}
