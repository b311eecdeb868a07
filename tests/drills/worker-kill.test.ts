import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { runInOrg } from "#jobs/run-in-org.js";
import { closeDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeProducerRedis } from "#jobs/connection.js";
import { closeEmailQueue, getEmailQueue } from "#jobs/queues.js";
import { applicationInput, closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { type AppProcess, startApp } from "#tests/support/app-process.js";
import { startMailCapture } from "#tests/support/mail-capture-server.js";
import { type PrivateRedis, startPrivateRedis } from "#tests/support/private-services.js";
import { waitFor } from "#tests/support/wait-for.js";

// Drill: the worker is killed with SIGKILL (no shutdown, no cleanup) ten times while 50
// applications come in and their emails go out. Every application still gets exactly one email.
//
// What makes it exactly once is real, not the capture server: the outbox row is marked sent after
// the send, and a delivery that runs again after a crash sends with the same Idempotency-Key (the
// outbox id), which Resend answers with the first email's id for 24 hours. The capture server does
// the same; it also counts every POST, so the drill reports how many sends a crash repeated.

const APPLICATIONS = 50;
const KILLS = 10;

let redis: PrivateRedis;
let capture: Awaited<ReturnType<typeof startMailCapture>>;
let worker: AppProcess | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  [redis, capture] = await Promise.all([startPrivateRedis(), startMailCapture()]);
  process.env.REDIS_URL = redis.url;
  getEmailQueue().on("error", () => {});
  env = {
    NODE_ENV: "production",
    DATABASE_URL: process.env.DATABASE_URL as string,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX as string,
    RESEND_BASE_URL: capture.url,
    OUTBOX_RELAY_INTERVAL_MS: "300",
    // A killed worker's jobs come back after about 2 s instead of BullMQ's 30 s.
    JOB_LOCK_MS: "2000",
  };
});

afterAll(async () => {
  await worker?.kill("SIGKILL");
  await Promise.all([closeEmailQueue(), closeDb(), closeOwnerDb()]);
  await closeProducerRedis();
  await Promise.all([capture?.close(), redis?.stop()]);
});

describe("kill -9 drill", () => {
  it(`sends each of ${APPLICATIONS} emails exactly once while the worker is killed ${KILLS} times`, async () => {
    const org = await insertOrg("Crash Care");
    const emails: string[] = [];
    const applyBatch = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const input = applicationInput();
        emails.push(input.email);
        // The runner relays the email once the application is committed.
        await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
      }
    };

    for (let round = 0; round < KILLS; round++) {
      await applyBatch(APPLICATIONS / KILLS);
      worker = startApp("worker", env);
      await worker.waitFor(/worker: waiting for jobs/);
      // Killed the moment the capture server has taken another email: mid-send for the jobs
      // beside it (four at a time), and before this one is marked sent in PostgreSQL.
      const seen = capture.posts.length;
      await waitFor(async () => capture.posts.length > seen, `a send in round ${round + 1}`, 20_000).catch(() => {});
      await worker.kill("SIGKILL");
    }
    expect(emails).toHaveLength(APPLICATIONS);

    worker = startApp("worker", env);
    // The owner is a superuser in tests, which row-level security does not bind: filter by organisation.
    const unsent = () =>
      withOrg(ownerDb(), org.orgId, (trx) =>
        trx
          .selectFrom("outbox")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("orgId", "=", org.orgId)
          .where("sentAt", "is", null)
          .executeTakeFirstOrThrow(),
      );
    await waitFor(async () => Number((await unsent()).n) === 0, "every outbox row sent", 60_000);

    const rows = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("outbox").select(["id", "providerId", "kind"]).where("orgId", "=", org.orgId).execute(),
    );
    expect(rows.map((r) => r.kind)).toEqual(Array(APPLICATIONS).fill("application-received"));
    const delivered = capture.messages.filter((m) => rows.some((r) => m.idempotencyKey === `outbox-${r.id}`));
    // None lost, none twice: one email per application, to its candidate, and each row points at it.
    expect(delivered).toHaveLength(APPLICATIONS);
    expect(delivered.flatMap((m) => m.to).sort()).toEqual([...emails].sort());
    expect(rows.map((r) => r.providerId).sort()).toEqual(delivered.map((m) => m.id).sort());
    const attempts = capture.posts.filter((p) => rows.some((r) => p.idempotencyKey === `outbox-${r.id}`)).length;
    console.log(
      `kill -9 drill: ${KILLS} kills, ${APPLICATIONS} applications, ${delivered.length} emails delivered, ` +
        `${attempts} send attempts (${attempts - delivered.length} repeated after a crash, answered by the idempotency key)`,
    );
  }, 180_000);
});
