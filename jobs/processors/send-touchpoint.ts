import type { Job } from "bullmq";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { relayOutbox } from "#app/domain/email/outbox.server.js";
import { sendTouchpointIfDue } from "#app/domain/offers/keep-in-touch.server.js";
import type { TouchpointJob } from "../queues.js";

/** A keep-in-touch email, buddy call or check-in came due: send it if it still stands (at most once). */
export async function sendTouchpointProcessor(job: Job<TouchpointJob>) {
  const { orgId, touchpointId } = job.data;
  const refs = await withOrg(getDb(), orgId, (trx) => sendTouchpointIfDue(trx, touchpointId));
  await relayOutbox(getDb(), refs);
  return refs.length ? "queued" : "not-due";
}
