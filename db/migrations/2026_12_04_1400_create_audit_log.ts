import { type Kysely, sql } from "kysely";

// The audit log: every staff change to settings, staff accounts, teams, members, vacancies and
// every stage move, recorded once (who, when, what, before and after). Append-only: the app's role
// may insert and read, never update or delete, so a compromised web process cannot rewrite history.
// `before`/`after` hold the changed fields only; people are referred to by id, so erasing a
// candidate's personal data leaves nothing about them here but ids and stage names.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      actor_user_id uuid references users on delete set null,
      actor_name text not null,
      kind text not null check (kind in ('settings', 'staff', 'team', 'member', 'vacancy', 'stage', 'candidate')),
      action text not null,
      subject_id uuid,
      summary text not null,
      before jsonb,
      after jsonb,
      created_at timestamptz not null default now()
    );
    create index audit_log_org_created_idx on audit_log (org_id, created_at desc);
    create index audit_log_org_kind_idx on audit_log (org_id, kind, created_at desc);
    create index audit_log_org_actor_idx on audit_log (org_id, actor_user_id, created_at desc);
    create index audit_log_subject_idx on audit_log (org_id, subject_id);

    alter table audit_log enable row level security;
    alter table audit_log force row level security;
    create policy tenant_isolation on audit_log
      using (org_id = current_org_id()) with check (org_id = current_org_id());
    create policy definer_access on audit_log to circle_definer using (true) with check (true);

    revoke all on audit_log from circle_app;
    grant select, insert on audit_log to circle_app;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists audit_log`.execute(db);
}
