import { type Kysely, sql } from "kysely";

// The pipeline's search (name, email or phone, anywhere in the text) and its pages.
//
// Trigram indexes (pg_trgm, a trusted extension since PostgreSQL 13, so the owner may create it)
// serve `like '%…%'` on the very expressions searched: lower-case name and email, and the phone's
// digits alone (spaces ignored). Under row-level security PostgreSQL will not use an index for an
// operator that is not leakproof (LIKE is not), so the app's role would read every candidate of
// every organisation; `search_candidates` runs the search as `circle_definer` (whose policy lets
// it use the indexes) and returns only the ids of the current organisation's candidates that
// match, nothing else. Pages run in "most recently changed" order, so that order has its own
// index within the organisation (the id breaks ties, so pages never overlap).

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
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`
    create index candidates_search_name_idx on candidates using gin (lower(full_name) gin_trgm_ops);
    create index candidates_search_email_idx on candidates using gin (lower(email) gin_trgm_ops);
    create index candidates_search_phone_idx on candidates using gin ((regexp_replace(phone, '[^0-9]', '', 'g')) gin_trgm_ops);
    create index applications_changed_idx on applications (org_id, stage_changed_at desc, id desc);

    -- p_text: lower case with LIKE's wildcards already escaped; p_digits: digits only, or null.
    create function search_candidates(p_text text, p_digits text) returns setof uuid
    language plpgsql stable security definer set search_path = public, pg_temp as $$
    begin
      return query execute
        'select c.id from candidates c
          where c.org_id = current_org_id()
            and (lower(c.full_name) like $1 or lower(c.email) like $1
                 or ($2 is not null and regexp_replace(c.phone, ''[^0-9]'', '''', ''g'') like $2))'
        using '%' || p_text || '%', '%' || p_digits || '%';
    end $$;
    revoke all on function search_candidates(text, text) from public;
    grant execute on function search_candidates(text, text) to circle_app;
  `.execute(db);
  await asDefiner(db, "alter function search_candidates(text, text) owner to circle_definer;");
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await asDefiner(db, "drop function if exists search_candidates(text, text);");
  await sql`
    drop index if exists applications_changed_idx;
    drop index if exists candidates_search_phone_idx;
    drop index if exists candidates_search_email_idx;
    drop index if exists candidates_search_name_idx;
  `.execute(db);
}
