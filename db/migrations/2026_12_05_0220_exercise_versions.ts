import { type Kysely, sql } from "kysely";

// Scenario exercises are versioned. Each edit adds a version (title, brief and rubric copied and
// changed); a version is never updated afterwards (the app's role may only read and add them), so
// a score keeps the wording it was given under. `scenario_exercises` keeps the latest version's
// wording for the library and the workshop form. A workshop keeps one version per exercise once
// scoring starts: `workshop_exercises.version_id` is set by the first score saved, and until then
// the workshop shows the latest version.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table scenario_exercise_versions (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null default current_org_id() references organisations on delete cascade,
      exercise_id uuid not null references scenario_exercises on delete cascade,
      version int not null check (version >= 1),
      title text not null,
      brief text not null,
      rubric jsonb not null,
      created_at timestamptz not null default now(),
      created_by uuid references users on delete set null,
      unique (exercise_id, version)
    );
    alter table scenario_exercise_versions enable row level security, force row level security;
    create policy tenant_isolation on scenario_exercise_versions
      using (org_id = current_org_id()) with check (org_id = current_org_id());
    create policy definer_access on scenario_exercise_versions to circle_definer using (true) with check (true);
    grant select, insert on scenario_exercise_versions to circle_app;

    alter table audit_log drop constraint audit_log_kind_check;
    alter table audit_log add constraint audit_log_kind_check
      check (kind in ('settings', 'staff', 'team', 'member', 'vacancy', 'stage', 'candidate', 'exercise'));

    alter table workshop_exercises add column version_id uuid references scenario_exercise_versions;
    alter table assessor_scores add column version_id uuid references scenario_exercise_versions;
  `.execute(db);
  // Existing exercises become version 1, and existing scores (and their workshops) point at it.
  // Row-level security is forced, so a non-superuser owner sees the rows only as circle_definer.
  await sql`
    do $$
    declare superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    begin
      if not superuser then execute format('grant circle_definer to %I', current_user); end if;
      insert into scenario_exercise_versions (org_id, exercise_id, version, title, brief, rubric, created_at)
        select org_id, id, 1, title, brief, rubric, created_at from scenario_exercises;
      update assessor_scores s set version_id = v.id
        from scenario_exercise_versions v where v.exercise_id = s.exercise_id;
      update workshop_exercises w set version_id = v.id
        from scenario_exercise_versions v
        where v.exercise_id = w.exercise_id
          and exists (select from assessor_scores s where s.workshop_id = w.workshop_id and s.exercise_id = w.exercise_id);
      if not superuser then execute format('revoke circle_definer from %I', current_user); end if;
    end $$;
  `.execute(db);
  await sql`alter table assessor_scores alter column version_id set not null`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table assessor_scores drop column if exists version_id;
    alter table workshop_exercises drop column if exists version_id;
    drop table if exists scenario_exercise_versions;
    delete from audit_log where kind = 'exercise';
    alter table audit_log drop constraint audit_log_kind_check;
    alter table audit_log add constraint audit_log_kind_check
      check (kind in ('settings', 'staff', 'team', 'member', 'vacancy', 'stage', 'candidate'));
  `.execute(db);
}
