import type { DB } from "#db/client.js";
import { requestCandidateLinks, requestFreshLink } from "#app/domain/auth/candidate-links.server.js";
import { runInOrg } from "#jobs/run-in-org.js";
import { hitRateLimit } from "./rate-limit.server.js";

/**
 * Emails a sign-in link, limited to 3 per email and 10 per IP address in 15 minutes.
 * Over the limit nothing is sent, but the answer the person sees is the same.
 */
export async function requestLinkFor(db: DB, email: string, ip: string, nextPath: string) {
  const allowed = (await hitRateLimit("linkByIp", ip)) && (await hitRateLimit("linkByEmail", email));
  if (!allowed) return;
  await requestCandidateLinks(db, runInOrg, email, nextPath);
}

/** "Email me a fresh link" from an expired or used link (nothing is sent for a token we do not know). */
export async function sendFreshLink(db: DB, token: string) {
  await requestFreshLink(db, runInOrg, token);
}
