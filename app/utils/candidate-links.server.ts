import { getDb } from "#db/client.js";
import {
  consumeLoginToken,
  peekLoginToken,
  requestCandidateLinks,
  requestFreshLink,
  type TokenState,
} from "#app/domain/links/sign-in-links.server.js";
import { runInOrg } from "#jobs/run-in-org.js";
import { hitRateLimit } from "./rate-limit.server.js";

// Candidate sign-in comes before any organisation is known, so there is no organisation scope to
// hand these routes: they reach the definer look-ups through here, never the database client.

/**
 * Emails a sign-in link, limited to 3 per email and 10 per IP address in 15 minutes.
 * Over the limit nothing is sent, but the answer the person sees is the same.
 */
export async function requestLinkFor(email: string, ip: string, nextPath: string) {
  const allowed = (await hitRateLimit("linkByIp", ip)) && (await hitRateLimit("linkByEmail", email));
  if (!allowed) return;
  await requestCandidateLinks(getDb(), runInOrg, email, nextPath);
}

/** "Email me a fresh link" from an expired or used link (nothing is sent for a token we do not know). */
export async function sendFreshLink(token: string) {
  await requestFreshLink(getDb(), runInOrg, token);
}

/** What a sign-in link is (usable, spent or unknown), without using it: mail scanners open links. */
export function peekSignInLink(token: string): Promise<TokenState> {
  return token ? peekLoginToken(getDb(), token) : Promise.resolve({ state: "unknown" });
}

/** Uses a sign-in link up: the candidate's Set-Cookie header and where to go, or null. */
export function redeemSignInLink(token: string) {
  return consumeLoginToken(getDb(), token);
}
