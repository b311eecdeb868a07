import { createCookie } from "@remix-run/node";
import { getDb } from "#db/client.js";
import { verifyOperator } from "#app/domain/operators/operators.server.js";
import { findOperatorIdBySession, insertOperatorSession, revokeOperatorSession } from "#db/queries/operators.js";
import { getServerEnv } from "../env.server.js";
import { randomToken, sha256 } from "./session.server.js";

// Short: an operator session opens every organisation's job queues.
export const OPERATOR_SESSION_HOURS = 12;

/**
 * Its own cookie, sent only to /ops, and never the staff cookie: being an organisation's admin
 * gives nothing here. Like staff sessions, the cookie holds a random token and the database its
 * hash, so signing out (or a password reset) ends the session at once.
 */
function operatorCookie() {
  const env = getServerEnv();
  return createCookie("__circle_ops", {
    httpOnly: true,
    sameSite: "strict",
    secure: env.APP_URL.startsWith("https://"),
    path: "/ops",
    secrets: [env.SESSION_SECRET],
  });
}

// Operators belong to no organisation, so there is no organisation scope: their routes reach their
// sessions through these functions, never the database client.

/** Checks an operator's email and password and opens a session: its Set-Cookie header, or null if wrong. */
export async function signInOperator(email: string, password: string): Promise<string | null> {
  const operatorId = await verifyOperator(getDb(), email, password);
  return operatorId ? startOperatorSession(operatorId) : null;
}

/** Stores a new operator session and returns its Set-Cookie header. */
export async function startOperatorSession(operatorId: string) {
  const token = randomToken();
  await insertOperatorSession(getDb(), sha256(token), operatorId, new Date(Date.now() + OPERATOR_SESSION_HOURS * 3600_000));
  return operatorCookie().serialize(token, { maxAge: OPERATOR_SESSION_HOURS * 3600 });
}

async function readToken(cookieHeader: string | null | undefined) {
  const value = await operatorCookie().parse(cookieHeader ?? null);
  return typeof value === "string" && value ? value : null;
}

/** The signed-in operator's id, from a request's Cookie header; null when there is none. */
export async function findOperatorId(cookieHeader: string | null | undefined): Promise<string | null> {
  const token = await readToken(cookieHeader);
  return token ? findOperatorIdBySession(getDb(), sha256(token)) : null;
}

/** Revokes the session and returns the Set-Cookie header that clears the cookie. */
export async function endOperatorSession(cookieHeader: string | null | undefined) {
  const token = await readToken(cookieHeader);
  if (token) await revokeOperatorSession(getDb(), sha256(token));
  return operatorCookie().serialize("", { maxAge: 0 });
}
