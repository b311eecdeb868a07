import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { removeJobs, type SurveyReminderJob, scheduleSurveyReminderJobs } from "#jobs/queues.js";
import { addToOutboxOnce, type OutboxRef } from "../email/outbox.server.js";
import { getOrgSettings } from "./org-settings.server.js";
import { getLogger } from "#app/utils/logger.server.js";

const DAY = 86_400_000;

/** When each reminder is due: the organisation's days after the invitation (the application). */
export function reminderSchedule(invitedAt: Date, days: number[]) {
  return [...days].sort((a, b) => a - b).map((d, index) => ({ reminder: index + 1, dueAt: new Date(invitedAt.getTime() + d * DAY) }));
}

export const surveyReminderKey = (applicationId: string, reminder: number) => `survey-reminder-${applicationId}-${reminder}`;

/**
 * Queues reminder `reminder` for an application if it is due and still wanted: the survey is not
 * finished and the application is still open. The dedupe key makes a second call a no-op, so a
 * retried job, the delayed job and the sweep together still send it once.
 */
export async function queueSurveyReminderIfDue(
  trx: Tx,
  applicationId: string,
  reminder: number,
  now = new Date(),
): Promise<OutboxRef | null> {
  const application = await trx
    .selectFrom("applications")
    .leftJoin("surveyResponses", "surveyResponses.applicationId", "applications.id")
    .select(["applications.id", "applications.stage", "applications.createdAt", "surveyResponses.completedAt"])
    .where("applications.id", "=", applicationId)
    .executeTakeFirst();
  if (!application || application.completedAt || !["applied", "survey"].includes(application.stage)) return null;
  const { surveyReminderDays } = await getOrgSettings(trx);
  const due = reminderSchedule(application.createdAt, surveyReminderDays).find((r) => r.reminder === reminder);
  if (!due || due.dueAt > now) return null;
  // A later reminder makes an earlier, never-sent one pointless.
  const later = reminderSchedule(application.createdAt, surveyReminderDays).find((r) => r.reminder === reminder + 1);
  if (later && later.dueAt <= now) return null;
  return addToOutboxOnce(trx, surveyReminderKey(applicationId, reminder), { kind: "survey-reminder", applicationId, reminder });
}

/** The sweep: every application whose reminders may be due, in every organisation. */
export async function sweepSurveyReminders(db: DB, now = new Date()): Promise<OutboxRef[]> {
  const { rows } = await sql<{ orgId: string; applicationId: string }>`select * from survey_reminder_candidates(${1000})`.execute(db);
  const refs: OutboxRef[] = [];
  for (const row of rows) {
    await withOrg(db, row.orgId, async (trx) => {
      const { surveyReminderDays } = await getOrgSettings(trx);
      for (let reminder = 1; reminder <= surveyReminderDays.length; reminder++) {
        const ref = await queueSurveyReminderIfDue(trx, row.applicationId, reminder, now);
        if (ref) refs.push(ref);
      }
    });
  }
  return refs;
}

export type PlannedReminder = SurveyReminderJob & { jobId: string; dueAt: Date };

/** The reminder jobs for a new invitation, per the organisation's settings. */
export async function planSurveyReminders(trx: Tx, applicationId: string, invitedAt: Date): Promise<PlannedReminder[]> {
  const { surveyReminderDays } = await getOrgSettings(trx);
  const { orgId } = await trx.selectFrom("applications").select("orgId").where("id", "=", applicationId).executeTakeFirstOrThrow();
  return reminderSchedule(invitedAt, surveyReminderDays).map(({ reminder, dueAt }) => ({
    orgId,
    applicationId,
    reminder,
    dueAt,
    jobId: surveyReminderKey(applicationId, reminder),
  }));
}

/** Best effort after commit: if Redis is down, the sweep creates them from PostgreSQL later. */
export async function scheduleSurveyReminders(planned: PlannedReminder[]) {
  try {
    await scheduleSurveyReminderJobs(planned);
  } catch (error) {
    getLogger().warn({ err: error }, "survey reminders left for the sweep");
  }
}

const MAX_REMINDERS = 5;

/** Removes an application's pending reminder jobs (the processor would skip them anyway). */
export async function cancelSurveyReminders(applicationId: string) {
  try {
    await removeJobs(Array.from({ length: MAX_REMINDERS }, (_, i) => surveyReminderKey(applicationId, i + 1)));
  } catch (error) {
    getLogger().warn({ err: error, applicationId }, "survey reminders not removed now (they will be skipped)");
  }
}
