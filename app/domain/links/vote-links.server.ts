import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { randomToken, sha256 } from "./tokens.server.js";

/** Voters can look back at the result for this long after the close. */
export const VOTE_LINK_DAYS_AFTER_CLOSE = 30;

/**
 * A voter's personal link: 256 random bits, stored as a hash, valid until 30 days after the
 * vote's (latest possible) close. Care workers vote from it on their phone, without a password.
 */
export async function createVoteLink(trx: Tx, appUrl: string, voteId: string, teamMemberId: string) {
  const vote = await trx.selectFrom("votes").select("closesAt").where("id", "=", voteId).executeTakeFirstOrThrow();
  const token = randomToken();
  const expiresAt = new Date(new Date(vote.closesAt).getTime() + (48 + VOTE_LINK_DAYS_AFTER_CLOSE * 24) * 3_600_000);
  await trx
    .insertInto("voteLinks")
    .values({ tokenHash: sha256(token), voteId, teamMemberId, expiresAt })
    .execute();
  return `${appUrl}/vote/${token}`;
}

/** Whose link this is, or null when unknown or expired. Works before the organisation is known. */
export async function findVoterByLink(db: DB, token: string | undefined) {
  if (!token || token.length > 100) return null;
  const { rows } = await sql<{ orgId: string; voteId: string; teamMemberId: string }>`
    select * from auth_vote_link(${sha256(token)})
  `.execute(db);
  return rows[0] ?? null;
}
