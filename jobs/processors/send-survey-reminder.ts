import type { Job } from "bullmq";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { relayOutbox } from "#app/domain/email/outbox.server.js";
import { queueSurveyReminderIfDue } from "#app/domain/survey/survey-reminders.server.js";
import type { SurveyReminderJob } from "../queues.js";

/** A delayed reminder came due: queue its email if still wanted (at most once, by dedupe key). */
export async function sendSurveyReminderProcessor(job: Job<SurveyReminderJob>) {
  const { orgId, applicationId, reminder } = job.data;
  const ref = await withOrg(getDb(), orgId, (trx) => queueSurveyReminderIfDue(trx, applicationId, reminder));
  if (ref) await relayOutbox(getDb(), [ref]);
  return ref ? "queued" : "not-due";
}
