import { sql } from "kysely";
import type { DB, Tx } from "../client.js";
import type { StaffRole } from "../schema.js";

/** Who a staff member's emails go to (throws if there is no such user). */
export function findUserForEmail(trx: Tx, userId: string) {
  return trx.selectFrom("users").select(["email", "name"]).where("id", "=", userId).executeTakeFirstOrThrow();
}

/** The organisation's staff with one of these roles (leads and admins hear of alerts). */
export function listUsersWithRoles(trx: Tx, roles: StaffRole[]) {
  return trx.selectFrom("users").select(["id", "email", "name"]).where("role", "in", roles).execute();
}

/** Whether any organisation has a staff account with this email (emails are unique across organisations). */
export async function isStaffEmailTaken(trx: Tx, email: string) {
  const { rows } = await sql<{ id: string }>`select id from auth_staff_by_email(${email})`.execute(trx);
  return rows.length > 0;
}

/** The organisation a staff link (by its token's hash) belongs to, before anyone is signed in. */
export async function findStaffTokenOrg(db: DB, tokenHash: string) {
  const { rows } = await sql<{ orgId: string | null }>`select auth_staff_token_org(${tokenHash}) as org_id`.execute(db);
  return rows[0]?.orgId ?? null;
}
