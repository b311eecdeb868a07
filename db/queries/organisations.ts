import type { DB, Tx } from "../client.js";

export function findOrganisationBySlug(db: DB | Tx, slug: string) {
  return db.selectFrom("organisations").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst();
}

export function findOrganisationById(db: DB | Tx, id: string) {
  return db.selectFrom("organisations").select(["id", "slug", "name"]).where("id", "=", id).executeTakeFirstOrThrow();
}
