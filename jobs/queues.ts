import { type JobsOptions, Queue } from "bullmq";
import { singleton } from "../db/singleton.js";
import { getProducerRedis, keyPrefix } from "./connection.js";

export const EMAIL_QUEUE = "email";

export type SendEmailJob = { outboxId: string; orgId: string };

/** Retries with backoff; finished jobs are kept a while so a repeated enqueue of the same id is a no-op. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: "exponential", delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export function getEmailQueue() {
  return singleton(
    "queue-email",
    () => new Queue<SendEmailJob>(EMAIL_QUEUE, { connection: getProducerRedis(), prefix: keyPrefix(), defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  );
}

/** The stable job id: one outbox row is one job, however often it is enqueued. */
export const emailJobId = (outboxId: string) => `email-${outboxId}`;

export async function enqueueEmails(items: SendEmailJob[], queue = getEmailQueue()) {
  if (!items.length) return;
  await queue.addBulk(items.map((data) => ({ name: "send-email", data, opts: { jobId: emailJobId(data.outboxId) } })));
}
