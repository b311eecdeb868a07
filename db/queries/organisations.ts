import { sql } from "kysely";
import type { DB, Tx } from "../client.js";

export function findOrganisationBySlug(db: DB | Tx, slug: string) {
  return db.selectFrom("organisations").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst();
}

export function findOrganisationById(db: DB | Tx, id: string) {
  return db.selectFrom("organisations").select(["id", "slug", "name"]).where("id", "=", id).executeTakeFirstOrThrow();
}

/** The organisation behind a careers page's slug and the version of its public pages (see the render cache). */
export function findPublicVersionBySlug(db: DB | Tx, slug: string) {
  return db.selectFrom("organisations").select(["id", "publicVersion"]).where("slug", "=", slug).executeTakeFirst();
}

/**
 * Inserts the organisation the transaction is scoped to (its id is `current_org_id()`), through
 * the one definer function allowed to: the app's role may not write organisations directly.
 */
export async function insertOrganisation(trx: Tx, org: { slug: string; name: string; confirmed: boolean }) {
  const { rows } = await sql<{ id: string }>`select create_organisation(${org.slug}, ${org.name}, ${org.confirmed}) as id`.execute(trx);
  return rows[0].id;
}

export async function isSlugTaken(db: DB | Tx, slug: string) {
  return Boolean(await db.selectFrom("organisations").select("id").where("slug", "=", slug).executeTakeFirst());
}

export function findOrganisationConfirmedAt(trx: Tx) {
  return trx
    .selectFrom("organisations")
    .select(["id", "name", "confirmedAt"])
    .where("id", "=", sql<string>`current_org_id()`)
    .executeTakeFirstOrThrow();
}

export async function confirmCurrentOrganisation(trx: Tx) {
  await sql`select confirm_current_organisation()`.execute(trx);
}
