import type { Job } from "bullmq";
import { queueShadowReminderIfDue } from "#app/domain/shadow/shadow-reminders.server.js";
import type { ShadowReminderJob } from "../queues.js";
import { runInOrg } from "../run-in-org.js";

/** A shadow shift reminder (or after-shift follow-up) came due: queue its emails if the shift still stands as planned (at most once). */
export async function sendShadowReminderProcessor(job: Job<ShadowReminderJob>) {
  const { orgId, shiftId, sequence, which } = job.data;
  const queued = await runInOrg(orgId, (ctx) => queueShadowReminderIfDue(ctx, shiftId, sequence, which));
  return queued ? "queued" : "not-due";
}
