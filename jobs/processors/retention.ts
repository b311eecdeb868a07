import type { Job } from "bullmq";
import { getDb } from "#db/client.js";
import { sweepRetention } from "#app/domain/privacy/retention.server.js";
import type { TeamMixJob } from "../queues.js";
import { runInOrg } from "../run-in-org.js";

export const RETENTION_NIGHTLY = "retention-nightly";

/** 03:00 UK time: erases candidates whose retention period is over and purges expired sign-in records and old sent emails. */
export async function retentionProcessor(job: Job<TeamMixJob>) {
  return sweepRetention(getDb(), runInOrg, new Date(), job.data?.orgId);
}
