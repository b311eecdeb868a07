import { isSurveyOpen } from "../applications/stages.js";
import { sql } from "kysely";
import type { DB } from "#db/client.js";
import type { DelayedJob, OrgRunner, UseCaseContext } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";

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
export async function queueSurveyReminderIfDue(ctx: UseCaseContext, applicationId: string, reminder: number, now = new Date()) {
  const { trx } = ctx;
  const application = await trx
    .selectFrom("applications")
    .leftJoin("surveyResponses", "surveyResponses.applicationId", "applications.id")
    .select(["applications.id", "applications.stage", "applications.createdAt", "surveyResponses.completedAt"])
    .where("applications.id", "=", applicationId)
    .executeTakeFirst();
  if (!application || application.completedAt || !isSurveyOpen(application.stage)) return false;
  const { surveyReminderDays } = await getOrgSettings(trx);
  const due = reminderSchedule(application.createdAt, surveyReminderDays).find((r) => r.reminder === reminder);
  if (!due || due.dueAt > now) return false;
  // A later reminder makes an earlier, never-sent one pointless.
  const later = reminderSchedule(application.createdAt, surveyReminderDays).find((r) => r.reminder === reminder + 1);
  if (later && later.dueAt <= now) return false;
  return sendOnceAfterCommit(ctx, surveyReminderKey(applicationId, reminder), { kind: "survey-reminder", applicationId, reminder });
}

/** The sweep: every application whose reminders may be due, in every organisation. */
export async function sweepSurveyReminders(db: DB, run: OrgRunner, now = new Date()) {
  const { rows } = await sql<{ orgId: string; applicationId: string }>`select * from survey_reminder_candidates(${1000})`.execute(db);
  let queued = 0;
  for (const row of rows) {
    await run(row.orgId, async (ctx) => {
      const { surveyReminderDays } = await getOrgSettings(ctx.trx);
      for (let reminder = 1; reminder <= surveyReminderDays.length; reminder++) {
        if (await queueSurveyReminderIfDue(ctx, row.applicationId, reminder, now)) queued++;
      }
    });
  }
  return queued;
}

/** The reminder jobs for a new invitation, per the organisation's settings, added after commit. */
export async function planSurveyReminders(ctx: UseCaseContext, applicationId: string, invitedAt: Date) {
  const { surveyReminderDays } = await getOrgSettings(ctx.trx);
  const { orgId } = await ctx.trx.selectFrom("applications").select("orgId").where("id", "=", applicationId).executeTakeFirstOrThrow();
  ctx.after.addJobs(
    reminderSchedule(invitedAt, surveyReminderDays).map(
      ({ reminder, dueAt }): DelayedJob => ({
        name: "send-survey-reminder",
        data: { orgId, applicationId, reminder },
        jobId: surveyReminderKey(applicationId, reminder),
        dueAt,
      }),
    ),
  );
}

const MAX_REMINDERS = 5;

/** The survey is finished: its pending reminder jobs go after commit (the processor would skip them anyway). */
export function cancelSurveyReminders(ctx: UseCaseContext, applicationId: string) {
  ctx.after.removeJobs(Array.from({ length: MAX_REMINDERS }, (_, i) => surveyReminderKey(applicationId, i + 1)));
}
