import type { Job } from "bullmq";
import { queueWorkshopReminderIfDue } from "#app/domain/workshops/workshop-reminders.server.js";
import type { WorkshopReminderJob } from "../queues.js";
import { runInOrg } from "../run-in-org.js";

/** A workshop reminder came due: queue its email if the booking still stands (at most once). */
export async function sendWorkshopReminderProcessor(job: Job<WorkshopReminderJob>) {
  const { orgId, bookingId, which } = job.data;
  const queued = await runInOrg(orgId, (ctx) => queueWorkshopReminderIfDue(ctx, bookingId, which));
  return queued ? "queued" : "not-due";
}
