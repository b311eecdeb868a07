import { sql } from "kysely";
import type { DB } from "../client.js";

// Platform operators are not tenant data: the app role reaches them only through the SECURITY
// DEFINER functions of 2026_12_04_1200_create_platform_operators.ts. Inserting an operator needs
// the owner (the operator:create command).

export async function findOperatorByEmail(db: DB, email: string) {
  const { rows } = await sql<{ id: string; passwordHash: string }>`select * from ops_operator_by_email(${email})`.execute(db);
  return rows[0];
}

export async function insertOperatorSession(db: DB, id: string, operatorId: string, expiresAt: Date) {
  await sql`select ops_start_session(${id}, ${operatorId}::uuid, ${expiresAt})`.execute(db);
}

/** The operator of a live (not expired, not revoked) session, or null. */
export async function findOperatorIdBySession(db: DB, id: string): Promise<string | null> {
  const { rows } = await sql<{ operatorId: string | null }>`select ops_session(${id}) as operator_id`.execute(db);
  return rows[0]?.operatorId ?? null;
}

export async function revokeOperatorSession(db: DB, id: string) {
  await sql`select ops_end_session(${id})`.execute(db);
}

/** Owner connection only (circle_app has no right on the table). Null when the email is taken. */
export async function insertOperator(ownerDb: DB, email: string, passwordHash: string): Promise<string | null> {
  const { rows } = await sql<{ id: string }>`
    insert into platform_operators (email, password_hash) values (${email}, ${passwordHash})
    on conflict (email) do nothing returning id`.execute(ownerDb);
  return rows[0]?.id ?? null;
}

/** Owner connection only. Sets a new password and revokes the operator's sessions. */
export async function resetOperatorPassword(ownerDb: DB, email: string, passwordHash: string): Promise<string | null> {
  return ownerDb.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string }>`
      update platform_operators set password_hash = ${passwordHash} where email = ${email} returning id`.execute(trx);
    const id = rows[0]?.id;
    if (id) await sql`update operator_sessions set revoked_at = now() where operator_id = ${id} and revoked_at is null`.execute(trx);
    return id ?? null;
  });
}
