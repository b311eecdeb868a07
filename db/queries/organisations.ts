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
