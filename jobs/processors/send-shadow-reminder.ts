import type { Job } from "bullmq";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { relayOutbox } from "#app/domain/email/outbox.server.js";
import { queueShadowReminderIfDue } from "#app/domain/shadow/shadow-reminders.server.js";
import type { ShadowReminderJob } from "../queues.js";

/** A shadow shift reminder (or after-shift follow-up) came due: queue its emails if the shift still stands as planned (at most once). */
export async function sendShadowReminderProcessor(job: Job<ShadowReminderJob>) {
  const { orgId, shiftId, sequence, which } = job.data;
  const refs = await withOrg(getDb(), orgId, (trx) => queueShadowReminderIfDue(trx, shiftId, sequence, which));
  await relayOutbox(getDb(), refs);
  return refs.length ? "queued" : "not-due";
}
