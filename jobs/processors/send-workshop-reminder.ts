import type { Job } from "bullmq";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { relayOutbox } from "#app/domain/email/outbox.server.js";
import { queueWorkshopReminderIfDue } from "#app/domain/workshops/workshop-reminders.server.js";
import type { WorkshopReminderJob } from "../queues.js";

/** A workshop reminder came due: queue its email if the booking still stands (at most once). */
export async function sendWorkshopReminderProcessor(job: Job<WorkshopReminderJob>) {
  const { orgId, bookingId, which } = job.data;
  const ref = await withOrg(getDb(), orgId, (trx) => queueWorkshopReminderIfDue(trx, bookingId, which));
  if (ref) await relayOutbox(getDb(), [ref]);
  return ref ? "queued" : "not-due";
}
