import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { randomToken, sha256 } from "./tokens.server.js";

/** Replies are welcome for this long after a touchpoint was sent. */
export const TOUCHPOINT_LINK_DAYS = 30;

/** The new starter's personal reply link for one touchpoint: 256 random bits, stored as a hash. */
export async function createTouchpointLink(trx: Tx, appUrl: string, touchpointId: string) {
  const token = randomToken();
  await trx
    .insertInto("touchpointLinks")
    .values({ tokenHash: sha256(token), touchpointId, expiresAt: new Date(Date.now() + TOUCHPOINT_LINK_DAYS * 86_400_000) })
    .execute();
  return `${appUrl}/check-in/${token}`;
}

/** Whose reply link this is, or null when unknown or expired (works before the organisation is known). */
export async function findTouchpointByLink(db: DB, token: string | undefined) {
  if (!token || token.length > 100) return null;
  const { rows } = await sql<{ orgId: string; touchpointId: string }>`select * from auth_touchpoint_link(${sha256(token)})`.execute(db);
  return rows[0] ?? null;
}
