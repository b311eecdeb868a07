import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { startMailCapture } from "../support/mail-capture-server.js";
import { deleteKeysWithPrefix } from "../support/redis-keys.js";

// Each test file: the run's database, its own queue/rate-limit key prefix, its own capture server.
// Set before any app module reads the environment.
process.env.DATABASE_URL = inject("databaseUrl");
delete process.env.APP_DATABASE_URL;
process.env.QUEUE_PREFIX = `test-${randomUUID()}`;
process.env.APP_URL = "http://localhost:3999";
process.env.OUTBOX_RELAY_INTERVAL_MS = "200";
const capture = await startMailCapture();
process.env.RESEND_BASE_URL = capture.url;
process.env.DEV_MAILBOX_URL = capture.url;

afterAll(async () => {
  await capture.close();
  await deleteKeysWithPrefix(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", process.env.QUEUE_PREFIX as string);
  const { closeEmailQueue } = await import("../../jobs/queues.js");
  const { closeProducerRedis } = await import("../../jobs/connection.js");
  const { closeDb } = await import("../../db/client.js");
  await Promise.all([closeEmailQueue(), closeDb()]);
  await closeProducerRedis();
});
