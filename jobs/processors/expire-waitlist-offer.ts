import type { Job } from "bullmq";
import { expireSeatHold } from "#app/domain/workshops/waitlist.server.js";
import type { WaitlistOfferJob } from "../queues.js";
import { runInOrg } from "../run-in-org.js";

/** A seat hold's 24 hours are up: if not taken, the seat is held for the next person waiting. */
export async function expireWaitlistOfferProcessor(job: Job<WaitlistOfferJob>) {
  const holds = await runInOrg(job.data.orgId, (ctx) => expireSeatHold(ctx, job.data.entryId));
  return { offered: holds.length };
}
