import { sql } from "kysely";
import type { DB, Tx } from "../client.js";

export function listStaff(trx: Tx) {
  return trx
    .selectFrom("users")
    .select(["id", "name", "email", "role", "deactivatedAt"])
    .orderBy("deactivatedAt", "desc")
    .orderBy("name")
    .execute();
}

export function listOpenInvitations(trx: Tx) {
  return trx
    .selectFrom("staffInvitations")
    .select(["id", "email", "role", "expiresAt", "createdAt"])
    .where("acceptedAt", "is", null)
    .where("withdrawnAt", "is", null)
    .orderBy("createdAt", "desc")
    .execute();
}

export function lockUser(trx: Tx, userId: string) {
  return trx
    .selectFrom("users")
    .select(["id", "name", "email", "role", "deactivatedAt"])
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
}

/** The active admins, locked, so two admins cannot demote each other at the same moment. */
export function lockActiveAdmins(trx: Tx) {
  return trx.selectFrom("users").select("id").where("role", "=", "admin").where("deactivatedAt", "is", null).forUpdate().execute();
}

export function lockInvitation(trx: Tx, id: string) {
  return trx.selectFrom("staffInvitations").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export function lockInvitationByToken(trx: Tx, tokenHash: string) {
  return trx.selectFrom("staffInvitations").selectAll().where("tokenHash", "=", tokenHash).forUpdate().executeTakeFirst();
}

export async function findInvitationOrg(db: DB, tokenHash: string) {
  const { rows } = await sql<{ orgId: string | null }>`select auth_invitation_org(${tokenHash}) as org_id`.execute(db);
  return rows[0]?.orgId ?? null;
}
