import { createCookie, redirect } from "@remix-run/node";
import { sql } from "kysely";
import { getDb, type Tx } from "#db/client.js";
import type { StaffRole } from "#db/schema.js";
import { withOrg } from "#db/tenant.js";
import { randomToken, sha256 } from "#app/domain/links/tokens.server.js";
import { getServerEnv } from "../env.server.js";
import { setLogOrg } from "./request-context.server.js";

export const STAFF_SESSION_DAYS = 14;
export const CANDIDATE_SESSION_DAYS = 7;

export type SessionInfo = {
  orgId: string;
  userId: string | null;
  candidateId: string | null;
  role: StaffRole | null;
  name: string;
};
export type StaffSession = SessionInfo & { userId: string; role: StaffRole };
export type CandidateSession = SessionInfo & { candidateId: string };

export { randomToken, sha256 };

function sessionCookie() {
  const env = getServerEnv();
  return createCookie("__circle", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https://"),
    path: "/",
    secrets: [env.SESSION_SECRET],
  });
}

/** Stores a new session (inside the organisation's transaction) and returns its Set-Cookie header. */
export async function startSession(trx: Tx, who: { userId: string } | { candidateId: string }) {
  const token = randomToken();
  const days = "userId" in who ? STAFF_SESSION_DAYS : CANDIDATE_SESSION_DAYS;
  await trx
    .insertInto("sessions")
    .values({ id: sha256(token), ...who, expiresAt: new Date(Date.now() + days * 86_400_000) })
    .execute();
  return sessionCookie().serialize(token, { maxAge: days * 86_400 });
}

export async function endSession(request: Request) {
  const token = await readToken(request);
  if (token) {
    const info = await getSession(request);
    if (info) {
      await withOrg(getDb(), info.orgId, (trx) =>
        trx.updateTable("sessions").set({ revokedAt: sql`now()` }).where("id", "=", sha256(token)).execute(),
      );
    }
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value ? value : null;
}

const cache = new WeakMap<Request, Promise<SessionInfo | null>>();

/** The signed-in person, or null. Looked up once per request. */
export function getSession(request: Request): Promise<SessionInfo | null> {
  let found = cache.get(request);
  if (!found) {
    found = readToken(request).then(async (token) => {
      if (!token) return null;
      const { rows } = await sql<SessionInfo>`select * from auth_session(${sha256(token)})`.execute(getDb());
      if (rows[0]) setLogOrg(rows[0].orgId);
      return rows[0] ?? null;
    });
    cache.set(request, found);
  }
  return found;
}

export { safeRedirect } from "./safe-redirect.js";

export const PIPELINE_ROLES: StaffRole[] = ["lead", "coach", "admin"];
export const MANAGE_ROLES: StaffRole[] = ["lead", "admin"];

/** Signed-in staff with one of `roles`; otherwise off to sign-in (or a 403 for the wrong role). */
export async function requireStaff(request: Request, roles?: StaffRole[]): Promise<StaffSession> {
  const session = await getSession(request);
  if (!session?.userId || !session.role) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (roles && !roles.includes(session.role)) {
    throw new Response("Your role cannot open this page.", { status: 403 });
  }
  return session as StaffSession;
}

export async function getCandidateSession(request: Request): Promise<CandidateSession | null> {
  const session = await getSession(request);
  return session?.candidateId ? (session as CandidateSession) : null;
}
