import type { Job } from "bullmq";
import { queueSurveyReminderIfDue } from "#app/domain/survey/survey-reminders.server.js";
import type { SurveyReminderJob } from "../queues.js";
import { runInOrg } from "../run-in-org.js";

/** A delayed reminder came due: queue its email if still wanted (at most once, by dedupe key). */
export async function sendSurveyReminderProcessor(job: Job<SurveyReminderJob>) {
  const { orgId, applicationId, reminder } = job.data;
  const queued = await runInOrg(orgId, (ctx) => queueSurveyReminderIfDue(ctx, applicationId, reminder));
  return queued ? "queued" : "not-due";
}
