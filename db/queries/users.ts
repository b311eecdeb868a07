import type { Tx } from "../client.js";

/** Who a staff member's emails go to (throws if there is no such user). */
export function findUserForEmail(trx: Tx, userId: string) {
  return trx.selectFrom("users").select(["email", "name"]).where("id", "=", userId).executeTakeFirstOrThrow();
}

/** The organisation's leads and admins, who are told at once when something needs them. */
export function listManagers(trx: Tx) {
  return trx.selectFrom("users").select("id").where("role", "in", ["lead", "admin"]).execute();
}
