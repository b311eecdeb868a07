import type { Job } from "bullmq";
import { queueWorkshopReminderIfDue } from "#app/domain/workshops/workshop-reminders.server.js";
import type { WorkshopReminderJob } from "../queues.js";
import { runInOrg } from "../run-in-org.js";

/** A workshop reminder came due: queue its email if the booking still stands (at most once). */
export async function sendWorkshopReminderProcessor(job: Job<WorkshopReminderJob>) {
  const { orgId, bookingId, which } = job.data;
  const ref = await runInOrg(orgId, async ({ trx, after }) => {
    const queued = await queueWorkshopReminderIfDue(trx, bookingId, which);
    after.emails([queued]);
    return queued;
  });
  return ref ? "queued" : "not-due";
}
