import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { sha256, randomToken, startSession } from "#app/utils/session.server.js";
import type { OrgRunner } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";

export const LOGIN_TOKEN_MINUTES = 10;

/**
 * Creates a single-use sign-in link for a candidate. Only the token's hash is stored; the token
 * itself exists only in the email. Called by the email job as it writes the email.
 */
export async function createLoginLink(trx: Tx, appUrl: string, candidateId: string, nextPath = "/me") {
  const token = randomToken();
  await trx
    .insertInto("loginTokens")
    .values({
      tokenHash: sha256(token),
      candidateId,
      nextPath,
      expiresAt: new Date(Date.now() + LOGIN_TOKEN_MINUTES * 60_000),
    })
    .execute();
  return `${appUrl}/auth/link?token=${token}`;
}

/** Queues a sign-in email for each organisation where this email has applied (none if unknown). */
export async function requestCandidateLinks(db: DB, run: OrgRunner, email: string, nextPath = "/me"): Promise<number> {
  const { rows } = await sql<{ orgId: string; candidateId: string }>`
    select * from auth_candidates_by_email(${email})`.execute(db);
  for (const row of rows) {
    await run(row.orgId, (ctx) => sendAfterCommit(ctx, { kind: "candidate-sign-in", candidateId: row.candidateId, nextPath }));
  }
  return rows.length;
}

export type TokenState = { state: "usable" | "spent"; orgId: string; candidateId: string; nextPath: string } | { state: "unknown" };

export async function peekLoginToken(db: DB, token: string): Promise<TokenState> {
  const { rows } = await sql<{ orgId: string; candidateId: string; nextPath: string; usable: boolean }>`
    select * from auth_peek_login_token(${sha256(token)})`.execute(db);
  const row = rows[0];
  if (!row) return { state: "unknown" };
  return { state: row.usable ? "usable" : "spent", orgId: row.orgId, candidateId: row.candidateId, nextPath: row.nextPath };
}

/** Uses up the token (once, within its 10 minutes) and opens a candidate session. */
export async function consumeLoginToken(db: DB, token: string) {
  const { rows } = await sql<{ orgId: string; candidateId: string; nextPath: string }>`
    select * from auth_consume_login_token(${sha256(token)})`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const cookie = await withOrg(db, row.orgId, (trx) => startSession(trx, { candidateId: row.candidateId }));
  return { cookie, nextPath: row.nextPath };
}

/** "Email me a fresh link" from an expired or used link: same candidate, same destination. */
export async function requestFreshLink(db: DB, run: OrgRunner, token: string): Promise<boolean> {
  const found = await peekLoginToken(db, token);
  if (found.state === "unknown") return false;
  await run(found.orgId, (ctx) =>
    sendAfterCommit(ctx, { kind: "candidate-sign-in", candidateId: found.candidateId, nextPath: found.nextPath }),
  );
  return true;
}
