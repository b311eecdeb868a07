import { type JobsOptions, Queue } from "bullmq";
import { Redis } from "ioredis";
import { disposeSingleton, singleton } from "../db/singleton.js";
import type {
  CloseVoteJob,
  DelayedJob,
  ShadowReminderJob,
  SurveyReminderJob,
  TeamMixJob,
  TouchpointJob,
  VoteReminderJob,
  WaitlistOfferJob,
  WorkshopReminderJob,
} from "#app/domain/after-commit.js";
import { getProducerRedis, keyPrefix } from "./connection.js";

// The job payloads are the domain's (it plans the jobs); re-exported for the worker and processors.
export type {
  CloseVoteJob,
  DelayedJob,
  ShadowReminderJob,
  SurveyReminderJob,
  TeamMixJob,
  TouchpointJob,
  VoteReminderJob,
  WaitlistOfferJob,
  WorkshopReminderJob,
};

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
    () =>
      new Queue<SendEmailJob>(EMAIL_QUEUE, { connection: getProducerRedis(), prefix: keyPrefix(), defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  );
}

export const closeEmailQueue = () => disposeSingleton<Queue>("queue-email", (queue) => queue.close());

/** The stable job id: one outbox row is one job, however often it is enqueued. */
export const emailJobId = (outboxId: string) => `email-${outboxId}`;

/**
 * Adds send-email jobs. Fails fast when Redis is not connected: BullMQ would otherwise wait for
 * the connection, and a web request must not hang on Redis (the outbox relay retries later).
 */
export async function enqueueEmails(items: SendEmailJob[], queue = getEmailQueue()) {
  if (!items.length) return;
  await addFailFast(
    queue,
    items.map((data) => ({ name: "send-email", data, opts: { jobId: emailJobId(data.outboxId) } })),
  );
}

export const REMINDER_QUEUE = "reminders";
export type ReminderJobData =
  | SurveyReminderJob
  | WorkshopReminderJob
  | WaitlistOfferJob
  | CloseVoteJob
  | VoteReminderJob
  | ShadowReminderJob
  | TouchpointJob
  | TeamMixJob;

export function getReminderQueue() {
  return singleton(
    "queue-reminders",
    () =>
      new Queue<ReminderJobData>(REMINDER_QUEUE, {
        connection: getProducerRedis(),
        prefix: keyPrefix(),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
  );
}
export const closeReminderQueue = () => disposeSingleton<Queue>("queue-reminders", (queue) => queue.close());

/** Adds delayed jobs (fails fast when Redis is down; the sweep rebuilds them from PostgreSQL). */
export async function scheduleReminderJobs(items: DelayedJob[], queue = getReminderQueue()) {
  if (!items.length) return;
  await addFailFast(
    queue,
    items.map(({ name, data, jobId, dueAt }) => ({ name, data, opts: { jobId, delay: Math.max(0, dueAt.getTime() - Date.now()) } })),
  );
}

/** Removes reminder jobs that are no longer wanted (the processor re-checks anyway). */
export async function removeJobs(jobIds: string[], queue: Queue = getReminderQueue()) {
  const connection = queue.opts.connection;
  if (connection instanceof Redis) await readyWithin(connection, 1000);
  await Promise.all(jobIds.map((id) => queue.remove(id)));
}

/**
 * Removes every job not yet running (waiting, delayed, prioritised) on the reminders and
 * email queues whose data names one of `ids`: after erasure no job may still refer to the person.
 * Reads every pending job, so it is for rare work (erasure), not for a request's hot path.
 */
export async function removeJobsAbout(ids: string[], queues: Queue[] = [getReminderQueue(), getEmailQueue()]) {
  const wanted = new Set(ids);
  let removed = 0;
  for (const queue of queues) {
    const connection = queue.opts.connection;
    if (connection instanceof Redis) await readyWithin(connection, 1000);
    const jobs = await queue.getJobs(["waiting", "delayed", "prioritized"]);
    for (const job of jobs) {
      if (!job?.id) continue;
      const values = Object.values((job.data ?? {}) as Record<string, unknown>);
      if (values.some((v) => typeof v === "string" && wanted.has(v))) {
        await queue.remove(job.id);
        removed++;
      }
    }
  }
  return removed;
}

async function addFailFast<T>(queue: Queue<T>, jobs: Parameters<Queue<T>["addBulk"]>[0]) {
  const connection = queue.opts.connection;
  if (connection instanceof Redis) await readyWithin(connection, 1000);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("Redis did not answer within 3 s")), 3000);
  });
  try {
    await Promise.race([queue.addBulk(jobs), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once the connection is ready; rejects at once if it is down, or after `ms` if still connecting. */
function readyWithin(redis: Redis, ms: number) {
  if (redis.status === "ready") return Promise.resolve();
  if (redis.status !== "connecting" && redis.status !== "connect" && redis.status !== "wait") {
    return Promise.reject(new Error(`Redis is ${redis.status}`));
  }
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      redis.off("error", onError);
      error ? reject(error) : resolve();
    };
    const onReady = () => done();
    const onError = (error: Error) => done(error);
    const timer = setTimeout(() => done(new Error("Redis is still connecting")), ms);
    redis.once("ready", onReady);
    redis.once("error", onError);
  });
}
