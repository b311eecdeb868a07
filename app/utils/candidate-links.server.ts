import type { DB } from "#db/client.js";
import { requestCandidateLinks } from "#app/domain/auth/candidate-links.server.js";
import { relayOutbox } from "#app/domain/email/outbox.server.js";
import { hitRateLimit } from "./rate-limit.server.js";

/**
 * Emails a sign-in link, limited to 3 per email and 10 per IP address in 15 minutes.
 * Over the limit nothing is sent, but the answer the person sees is the same.
 */
export async function requestLinkFor(db: DB, email: string, ip: string, nextPath: string) {
  const allowed = (await hitRateLimit("linkByIp", ip)) && (await hitRateLimit("linkByEmail", email));
  if (!allowed) return;
  await relayOutbox(db, await requestCandidateLinks(db, email, nextPath));
}
