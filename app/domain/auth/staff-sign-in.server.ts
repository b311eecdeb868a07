import { sql } from "kysely";
import type { DB } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { verifyPassword } from "#app/utils/password.server.js";
import { startSession } from "#app/utils/session.server.js";

/** Checks the password and opens a session. Returns the Set-Cookie header, or null if wrong. */
export async function signInStaff(db: DB, email: string, password: string): Promise<string | null> {
  const { rows } = await sql<{ id: string; orgId: string; passwordHash: string }>`
    select * from auth_staff_by_email(${email})`.execute(db);
  const user = rows[0];
  // Runs even when the email is unknown, so the answer takes as long either way.
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok) return null;
  return withOrg(db, user.orgId, (trx) => startSession(trx, { userId: user.id }));
}
