import type { Job } from "bullmq";
import { sendTouchpointIfDue } from "#app/domain/offers/keep-in-touch.server.js";
import type { TouchpointJob } from "../queues.js";
import { runInOrg } from "../run-in-org.js";

/** A keep-in-touch email, buddy call or check-in came due: send it if it still stands (at most once). */
export async function sendTouchpointProcessor(job: Job<TouchpointJob>) {
  const { orgId, touchpointId } = job.data;
  const queued = await runInOrg(orgId, (ctx) => sendTouchpointIfDue(ctx, touchpointId));
  return queued ? "queued" : "not-due";
}
