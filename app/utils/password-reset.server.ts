import { sql } from "kysely";
import { getDb } from "#db/client.js";
import { findStaffTokenOrg } from "#db/queries/users.js";
import { requestPasswordReset } from "#app/domain/auth/password.server.js";
import { sha256 } from "#app/domain/links/tokens.server.js";
import { hitRateLimit } from "./rate-limit.server.js";
import { orgScope } from "./tenant.server.js";

/**
 * "Forgot your password?", before anyone is signed in: the email finds the account (and so the
 * organisation). Nothing is said about whether it did: the page answers the same either way, and
 * too many requests from an address or for an email are quietly dropped.
 */
export async function requestReset(email: string, ip: string) {
  if (!(await hitRateLimit("resetByIp", ip)) || !(await hitRateLimit("resetByEmail", email))) return;
  const { rows } = await sql<{ id: string; orgId: string }>`select id, org_id from auth_staff_by_email(${email})`.execute(getDb());
  const user = rows[0];
  if (!user) return;
  await orgScope(user.orgId).run((ctx) => requestPasswordReset(ctx, user.id));
}

/** The organisation a reset link belongs to, as a scope (null for an unknown link). */
export async function resetLinkScope(token: string | null) {
  const orgId = token ? await findStaffTokenOrg(getDb(), sha256(token)) : null;
  return orgId ? orgScope(orgId) : null;
}
