import { type Kysely, sql } from "kysely";

// The pipeline's search (name, email or phone, anywhere in the text) and its pages. Trigram
// indexes (pg_trgm, a trusted extension since PostgreSQL 13, so the owner may create it) serve
// `like '%…%'` on the very expressions the query uses: lower-case name and email, and the phone's
// digits alone (spaces ignored). Pages run in "most recently changed" order, so that order has its
// own index within the organisation (the id breaks ties, so pages never overlap).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`
    create index candidates_search_name_idx on candidates using gin (lower(full_name) gin_trgm_ops);
    create index candidates_search_email_idx on candidates using gin (lower(email) gin_trgm_ops);
    create index candidates_search_phone_idx on candidates using gin ((regexp_replace(phone, '[^0-9]', '', 'g')) gin_trgm_ops);
    create index applications_changed_idx on applications (org_id, stage_changed_at desc, id desc);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists applications_changed_idx;
    drop index if exists candidates_search_phone_idx;
    drop index if exists candidates_search_email_idx;
    drop index if exists candidates_search_name_idx;
  `.execute(db);
}
