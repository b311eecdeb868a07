import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { moveApplication } from "#app/domain/applications/move-application.server.js";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import {
  planSurveyReminders,
  queueSurveyReminderIfDue,
  surveyReminderKey,
  sweepSurveyReminders,
} from "#app/domain/survey/survey-reminders.server.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { saveSurveyPage } from "#app/domain/survey/take-survey.server.js";
import { surveyPages } from "#app/domain/survey/survey.schema.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { getReminderQueue } from "#jobs/queues.js";
import { applicationInput, closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { pageAnswers } from "#tests/factories/survey.js";
import { waitFor, workerPerTest } from "#tests/support/worker.js";
import { recordInOrg, runInOrg } from "#tests/support/run.js";
import type { UseCaseContext } from "#app/domain/after-commit.js";

const DAY = 86_400_000;
const mailbox = () => process.env.RESEND_BASE_URL as string;
const worker = workerPerTest();
afterAll(closeOwnerDb);

/** An application made `daysAgo` days ago, its welcome email already sent and no reminder job added. */
async function applicationFrom(daysAgo: number) {
  const org = await insertOrg();
  const input = applicationInput({ fullName: "Rory Reminder" });
  const { result: applied, after } = await recordInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
  await withOrg(ownerDb(), org.orgId, (trx) =>
    trx
      .updateTable("applications")
      .set({ createdAt: new Date(Date.now() - daysAgo * DAY) })
      .where("id", "=", applied.applicationId)
      .execute(),
  );
  await deliverOutboxEmail(getDb(), org.orgId, after.emailRefs[0].id);
  const createdAt = new Date(Date.now() - daysAgo * DAY);
  return { org, email: input.email, applicationId: applied.applicationId, createdAt };
}

/** The survey reminders written to this organisation's outbox. */
const reminderRows = (orgId: string) =>
  withOrg(getDb(), orgId, (trx) => trx.selectFrom("outbox").select(["id", "dedupeKey"]).where("kind", "=", "survey-reminder").execute());

const reminderSubjects = async (email: string) =>
  (await fetchCaptured(mailbox(), email)).map((m) => m.subject).filter((s) => !s.startsWith("We have your application"));

async function finishSurvey(orgId: string, applicationId: string) {
  const candidateId = (
    await withOrg(getDb(), orgId, (trx) =>
      trx.selectFrom("applications").select("candidateId").where("id", "=", applicationId).executeTakeFirstOrThrow(),
    )
  ).candidateId;
  const me = { applicationId, candidateId };
  const { definition } = await withOrg(getDb(), orgId, (trx) => findLiveSurvey(trx));
  for (const [index, page] of surveyPages(definition).entries()) {
    await runInOrg(orgId, (ctx) => saveSurveyPage(ctx, me, index, pageAnswers(page, "best"), "Rory"));
  }
}

describe("survey reminders", () => {
  it("sends each reminder once when it is due, and none after the survey is finished", async () => {
    const app = await applicationFrom(3);
    const plan = (ctx: UseCaseContext) => planSurveyReminders(ctx, app.applicationId, app.createdAt);
    const { after } = await recordInOrg(app.org.orgId, plan);
    expect(after.jobsToAdd.map((j) => [j.jobId, Math.round((j.dueAt.getTime() - app.createdAt.getTime()) / DAY)])).toEqual([
      [surveyReminderKey(app.applicationId, 1), 2],
      [surveyReminderKey(app.applicationId, 2), 5],
    ]);
    await runInOrg(app.org.orgId, plan);
    await runInOrg(app.org.orgId, plan); // a retried request schedules nothing new

    await worker.start();
    await waitFor(async () => (await reminderSubjects(app.email)).length > 0, "the first reminder");
    expect(await getReminderQueue().getJobState(surveyReminderKey(app.applicationId, 2))).toBe("delayed");

    // The sweep finds nothing more to send: reminder 1 went, reminder 2 is not due for 2 days.
    await sweepSurveyReminders(getDb(), runInOrg);
    expect(await reminderRows(app.org.orgId)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await reminderSubjects(app.email)).toEqual(["Your next step for Care worker"]);

    // Finishing the survey removes the reminder jobs still waiting, once it commits.
    await finishSurvey(app.org.orgId, app.applicationId);
    expect(await getReminderQueue().getJob(surveyReminderKey(app.applicationId, 2))).toBeUndefined();
    const tooLate = await runInOrg(app.org.orgId, (ctx) =>
      queueSurveyReminderIfDue(ctx, app.applicationId, 2, new Date(Date.now() + 10 * DAY)),
    );
    expect(tooLate).toBe(false);
  });

  it("re-creates from PostgreSQL a reminder whose job Redis lost, and sends it once", async () => {
    const app = await applicationFrom(6);
    // No jobs were ever scheduled. Six days in, only the latest reminder (day 5) is still worth sending.
    await sweepSurveyReminders(getDb(), runInOrg);
    const mine = await reminderRows(app.org.orgId);
    expect(mine).toHaveLength(1);
    await sweepSurveyReminders(getDb(), runInOrg);
    expect(await reminderRows(app.org.orgId)).toEqual(mine);

    await deliverOutboxEmail(getDb(), app.org.orgId, mine[0].id);
    const kinds = await withOrg(getDb(), app.org.orgId, (trx) =>
      trx.selectFrom("outbox").select(["kind", "dedupeKey"]).where("kind", "=", "survey-reminder").execute(),
    );
    expect(kinds).toEqual([{ kind: "survey-reminder", dedupeKey: surveyReminderKey(app.applicationId, 2) }]);
    expect(await reminderSubjects(app.email)).toEqual(["Your next step for Care worker"]);
  });

  it("sends no reminder once the application is closed", async () => {
    const app = await applicationFrom(3);
    await runInOrg(app.org.orgId, (ctx) =>
      moveApplication(ctx, {
        applicationId: app.applicationId,
        to: "withdrawn",
        reason: "Found another job",
        actor: { userId: null, name: "Rory" },
      }),
    );
    expect(await runInOrg(app.org.orgId, (ctx) => queueSurveyReminderIfDue(ctx, app.applicationId, 1))).toBe(false);
    await sweepSurveyReminders(getDb(), runInOrg);
    const rows = await withOrg(getDb(), app.org.orgId, (trx) =>
      trx.selectFrom("outbox").select(sql<number>`count(*)::int`.as("n")).where("kind", "=", "survey-reminder").executeTakeFirstOrThrow(),
    );
    expect(rows.n).toBe(0);
  });
});
