import type { Tx } from "../client.js";
import type { StaffRole } from "../schema.js";

/** Who a staff member's emails go to (throws if there is no such user). */
export function findUserForEmail(trx: Tx, userId: string) {
  return trx.selectFrom("users").select(["email", "name"]).where("id", "=", userId).executeTakeFirstOrThrow();
}

/** The organisation's staff with one of these roles (leads and admins hear of alerts). */
export function listUsersWithRoles(trx: Tx, roles: StaffRole[]) {
  return trx.selectFrom("users").select(["id", "email", "name"]).where("role", "in", roles).execute();
}
