import type { Tx } from "../client.js";

/** Who a staff member's emails go to (throws if there is no such user). */
export function findUserForEmail(trx: Tx, userId: string) {
  return trx.selectFrom("users").select(["email", "name"]).where("id", "=", userId).executeTakeFirstOrThrow();
}
