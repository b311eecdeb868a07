import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { runInOrg } from "#jobs/run-in-org.js";
import { surveyReminderKey } from "#app/domain/survey/survey-reminders.server.js";
import { closeDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeProducerRedis } from "#jobs/connection.js";
import { closeEmailQueue, closeReminderQueue, getReminderQueue } from "#jobs/queues.js";
import { SCHEDULERS, SWEEP_JOB } from "#jobs/schedulers.js";
import { applicationInput, closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { type AppProcess, startApp } from "#tests/support/app-process.js";
import { startMailCapture } from "#tests/support/mail-capture-server.js";
import { type PrivateRedis, startPrivateRedis } from "#tests/support/private-services.js";
import { waitFor } from "#tests/support/wait-for.js";

// Drill: Redis restarts empty (it keeps nothing on disk) under a running worker. The job schedulers
// (reminder sweep, funnel refresh, nightly team mix, Monday digest) and the delayed reminder jobs
// are gone; the worker must bring the schedulers back by itself and send the reminders Redis lost.

let redis: PrivateRedis;
let capture: Awaited<ReturnType<typeof startMailCapture>>;
let worker: AppProcess;

beforeAll(async () => {
  [redis, capture] = await Promise.all([startPrivateRedis(), startMailCapture()]);
  process.env.REDIS_URL = redis.url;
  // The test's own queue reconnects too; BullMQ prints connection errors nobody listens for.
  getReminderQueue().on("error", () => {});
  worker = startApp("worker", {
    NODE_ENV: "production",
    DATABASE_URL: process.env.DATABASE_URL as string,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX as string,
    RESEND_BASE_URL: capture.url,
    OUTBOX_RELAY_INTERVAL_MS: "300",
  });
  await worker.waitFor(/worker: waiting for jobs/);
});

afterAll(async () => {
  await worker?.kill("SIGKILL");
  await Promise.all([closeReminderQueue(), closeEmailQueue(), closeDb(), closeOwnerDb()]);
  await closeProducerRedis();
  await Promise.all([capture?.close(), redis?.stop()]);
});

// The test's own connection is reconnecting for a moment after the restart too: an error is "not yet".
const schedulerIds = async () =>
  (
    await getReminderQueue()
      .getJobSchedulers()
      .catch(() => [])
  )
    .map((s) => s.key)
    .sort();

describe("Redis drill", () => {
  it("brings every job scheduler back within a minute of a restart, and sends the reminders Redis lost", async () => {
    const all = SCHEDULERS.map((s) => s.id).sort();
    expect(all).toEqual(["close-vacancies", "refresh-funnel", "retention-nightly", "survey-reminder-sweep", "team-mix-digest", "team-mix-nightly"]);
    await waitFor(async () => (await schedulerIds()).length === all.length, "the schedulers at start");
    expect(await schedulerIds()).toEqual(all);
    // The sweep runs once at start; the reminder below must not be due before Redis goes.
    await waitFor(async () => (await getReminderQueue().getCompleted()).some((j) => j.name === SWEEP_JOB), "the first sweep");

    // A candidate applies: the email goes, and the survey reminders wait in Redis as delayed jobs.
    const org = await insertOrg("Restart Care");
    const input = applicationInput();
    // The runner relays the email and adds the reminder jobs once the application is committed.
    const applied = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    const firstReminder = surveyReminderKey(applied.applicationId, 1);
    expect(await getReminderQueue().getJobState(firstReminder)).toBe("delayed");
    await waitFor(async () => capture.messages.find((m) => m.to.includes(input.email)), "the application email");

    // Two days pass (the first reminder is now due, its job still two days out)...
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("applications")
        .set({ createdAt: sql`now() - interval '2 days 1 hour'` })
        .where("id", "=", applied.applicationId)
        .execute(),
    );
    // ...and Redis restarts with nothing in it.
    const t0 = Date.now();
    await redis.restart();
    await waitFor(
      async () =>
        (await getReminderQueue()
          .getJobState(firstReminder)
          .catch(() => null)) === "unknown",
      "the empty Redis",
    );

    await waitFor(async () => (await schedulerIds()).length === all.length, "the schedulers after the restart", 60_000);
    const back = Date.now() - t0;
    expect(await schedulerIds()).toEqual(all);
    expect(back).toBeLessThan(60_000);

    // The sweep ran at once (not in 15 minutes): the lost reminder is sent, once.
    const reminder = await waitFor(
      async () =>
        withOrg(ownerDb(), org.orgId, (trx) =>
          trx.selectFrom("outbox").selectAll().where("dedupeKey", "=", firstReminder).where("sentAt", "is not", null).executeTakeFirst(),
        ),
      "the lost reminder",
      30_000,
    );
    expect(reminder.kind).toBe("survey-reminder");
    const sent = Date.now() - t0;
    expect(capture.messages.filter((m) => m.to.includes(input.email)).map((m) => m.subject)).toHaveLength(2);
    expect(worker.alive()).toBe(true);
    console.log(`redis drill: schedulers back ${back} ms after the restart, the lost reminder sent after ${sent} ms`);
  });
});
