import type { Queue } from "bullmq";
import { Redis } from "ioredis";
import { RETENTION_NIGHTLY } from "./processors/retention.js";
import { CLOSE_VACANCIES_JOB } from "./processors/close-vacancies.js";
import { TEAM_MIX_DIGEST, TEAM_MIX_NIGHTLY } from "./processors/team-mix.js";
import { getReminderQueue, type ReminderJobData } from "./queues.js";
import { getLogger } from "#app/utils/logger.server.js";

export const SWEEP_JOB = "survey-reminder-sweep";
export const REFRESH_FUNNEL_JOB = "refresh-funnel";

type RepeatOptions = Parameters<Queue["upsertJobScheduler"]>[1];

/** The worker's job schedulers, by stable id (the id is also the job's name). */
export const SCHEDULERS: { id: string; repeat: RepeatOptions; data?: ReminderJobData }[] = [
  // Re-creates reminders Redis lost, closes overdue votes (see processors/survey-reminder-sweep.ts).
  { id: SWEEP_JOB, repeat: { every: 15 * 60_000 } },
  { id: REFRESH_FUNNEL_JOB, repeat: { every: 60_000 } },
  // Team mix: snapshots and alerts nightly, the leads' digest on Monday mornings (UK time).
  { id: TEAM_MIX_NIGHTLY, repeat: { pattern: "0 2 * * *", tz: "Europe/London" }, data: {} },
  { id: TEAM_MIX_DIGEST, repeat: { pattern: "0 8 * * 1", tz: "Europe/London" }, data: {} },
  // Data protection: erase who is due, purge expired sign-in records and old sent emails.
  { id: RETENTION_NIGHTLY, repeat: { pattern: "0 3 * * *", tz: "Europe/London" }, data: {} },
  // Vacancies past their closing date close a few minutes into the next UK day (hourly, to catch up after an outage).
  { id: CLOSE_VACANCIES_JOB, repeat: { pattern: "5 * * * *", tz: "Europe/London" }, data: {} },
];

/**
 * Creates the schedulers that Redis does not have (all of them when `all`, as at start, so a
 * changed interval takes effect). Returns the ids that were missing. Redis keeps nothing on disk
 * here, so after a restart every scheduler is missing; upserting by id is idempotent, so two
 * workers doing this at once still leave one of each.
 */
export async function ensureSchedulers(queue: Queue = getReminderQueue(), { all = false } = {}) {
  const missing: string[] = [];
  for (const { id } of SCHEDULERS) if (!(await queue.getJobScheduler(id))) missing.push(id);
  for (const { id, repeat, data } of SCHEDULERS) {
    if (all || missing.includes(id)) await queue.upsertJobScheduler(id, repeat, { name: id, ...(data && { data }) });
  }
  return missing;
}

/**
 * Keeps the schedulers in Redis for the worker's lifetime: at start, whenever the connection is
 * ready again after a reconnect, and every `intervalMs` (a Redis that lost its data without
 * dropping the connection, such as a failover to an empty replica or FLUSHALL). When any scheduler
 * was missing, Redis lost data: the reminder sweep runs at once to re-create what it lost, rather
 * than up to 15 minutes later. Returns a stop function, which waits for a check under way.
 */
export function keepSchedulers(intervalMs: number, queue: Queue = getReminderQueue()) {
  let running: Promise<void> | undefined;
  const check = (all = false) => {
    running ??= (async () => {
      try {
        const missing = await ensureSchedulers(queue, { all });
        if (!all && missing.length) {
          getLogger().warn({ missing }, "worker: job schedulers missing from Redis: re-created; sweeping for lost reminders");
          await queue.add(SWEEP_JOB, {}, { jobId: `${SWEEP_JOB}-after-loss-${Date.now()}` });
        }
      } catch (error) {
        getLogger().error({ err: error }, "worker: could not check the job schedulers");
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  // Not awaited: with Redis down at start the worker still starts (the outbox relay needs only PostgreSQL).
  void check(true);
  const onReady = () => void check();
  const connection = queue.opts.connection instanceof Redis ? queue.opts.connection : undefined;
  connection?.on("ready", onReady);
  const timer = setInterval(() => void check(), intervalMs);
  return async () => {
    clearInterval(timer);
    connection?.off("ready", onReady);
    await running;
  };
}
