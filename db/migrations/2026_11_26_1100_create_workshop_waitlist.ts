import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- People waiting for a seat at a full workshop, first come first offered.
    create table workshop_waitlist (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      workshop_id uuid not null references workshops on delete cascade,
      application_id uuid not null references applications on delete cascade,
      status text not null default 'waiting' check (status in ('waiting', 'offered', 'accepted', 'expired', 'left')),
      joined_at timestamptz not null default clock_timestamp(),
      offered_at timestamptz,
      offer_expires_at timestamptz
    );
    create unique index workshop_waitlist_one_active on workshop_waitlist (workshop_id, application_id) where status in ('waiting', 'offered');
    create index workshop_waitlist_queue_idx on workshop_waitlist (workshop_id, joined_at) where status = 'waiting';
    alter table workshop_waitlist enable row level security;
    create policy tenant_isolation on workshop_waitlist using (org_id = current_org_id()) with check (org_id = current_org_id());
    grant select, insert, update, delete on workshop_waitlist to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists workshop_waitlist`.execute(db);
}
