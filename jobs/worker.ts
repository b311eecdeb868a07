import { type Job, MetricsTime, Worker } from "bullmq";
import { getServerEnv } from "#app/env.server.js";
import { listPendingOutbox } from "#app/domain/email/outbox.server.js";
import { relayOutbox } from "./relay-outbox.js";
import { closeDb, getDb } from "#db/client.js";
import { getLogger } from "#app/utils/logger.server.js";
import { closeProducerRedis, createRedis, keyPrefix } from "./connection.js";
import { checkEvictionPolicyOrExit } from "./redis-policy.js";
import { keepSchedulers, REFRESH_FUNNEL_JOB, SWEEP_JOB } from "./schedulers.js";
import { sendEmailProcessor } from "./processors/send-email.js";
import { expireWaitlistOfferProcessor } from "./processors/expire-waitlist-offer.js";
import { sendSurveyReminderProcessor } from "./processors/send-survey-reminder.js";
import { sendWorkshopReminderProcessor } from "./processors/send-workshop-reminder.js";
import { sendShadowReminderProcessor } from "./processors/send-shadow-reminder.js";
import { surveyReminderSweepProcessor } from "./processors/survey-reminder-sweep.js";
import { CLOSE_VACANCIES_JOB, closeVacanciesProcessor } from "./processors/close-vacancies.js";
import { TEAM_MIX_DIGEST, TEAM_MIX_NIGHTLY, teamMixDigestProcessor, teamMixNightlyProcessor } from "./processors/team-mix.js";
import { closeVoteProcessor, sendVoteReminderProcessor } from "./processors/votes.js";
import { sendTouchpointProcessor } from "./processors/send-touchpoint.js";
import { refreshFunnelProcessor } from "./processors/refresh-funnel.js";
import { RETENTION_NIGHTLY, retentionProcessor } from "./processors/retention.js";
import { startHeartbeat } from "./heartbeat.js";
import { logJobEvents, withJobLogContext } from "./worker-logging.js";
import {
  closeEmailQueue,
  closeReminderQueue,
  type CloseVoteJob,
  DEFAULT_JOB_OPTIONS,
  EMAIL_QUEUE,
  REMINDER_QUEUE,
  type ShadowReminderJob,
  type TeamMixJob,
  type SurveyReminderJob,
  type TouchpointJob,
  type VoteReminderJob,
  type WaitlistOfferJob,
  type WorkshopReminderJob,
} from "./queues.js";

/**
 * The worker process: runs the queues' jobs and the outbox relay. Started with `npm run worker`.
 * Returns a stop function (SIGTERM calls it, with a deadline): finishes running jobs, then closes connections.
 */
export async function startWorker() {
  const env = getServerEnv();
  const log = getLogger();
  const connection = createRedis("worker");
  // A worker that dies (kill -9, out of memory, a lost host) leaves its jobs "active" until their
  // lock expires; then another worker takes them back as stalled. JOB_LOCK_MS sets how soon.
  const locks = { lockDuration: env.JOB_LOCK_MS, stalledInterval: env.JOB_LOCK_MS };
  // BullMQ's own metrics (completed and failed counts per minute, kept a week) feed /metrics.
  const metrics = { maxDataPoints: MetricsTime.ONE_WEEK };
  // Sending is safe to repeat (the outbox row is checked, the outbox id is Resend's idempotency
  // key), so an email survives as many crashes as it has attempts, rather than BullMQ's one.
  const emailWorker = new Worker(EMAIL_QUEUE, withJobLogContext(EMAIL_QUEUE, sendEmailProcessor), {
    connection,
    prefix: keyPrefix(),
    concurrency: 4,
    ...locks,
    maxStalledCount: DEFAULT_JOB_OPTIONS.attempts,
    metrics,
  });
  logJobEvents(emailWorker, EMAIL_QUEUE);

  const reminderWorker = new Worker(
    REMINDER_QUEUE,
    withJobLogContext(REMINDER_QUEUE, async (job: Job) => {
      if (job.name === SWEEP_JOB) return surveyReminderSweepProcessor();
      if (job.name === "send-workshop-reminder") return sendWorkshopReminderProcessor(job as Job<WorkshopReminderJob>);
      if (job.name === "send-shadow-reminder") return sendShadowReminderProcessor(job as Job<ShadowReminderJob>);
      if (job.name === "expire-waitlist-offer") return expireWaitlistOfferProcessor(job as Job<WaitlistOfferJob>);
      if (job.name === "close-vote") return closeVoteProcessor(job as Job<CloseVoteJob>);
      if (job.name === "send-touchpoint") return sendTouchpointProcessor(job as Job<TouchpointJob>);
      if (job.name === REFRESH_FUNNEL_JOB) return refreshFunnelProcessor();
      if (job.name === TEAM_MIX_NIGHTLY) return teamMixNightlyProcessor(job as Job<TeamMixJob>);
      if (job.name === TEAM_MIX_DIGEST) return teamMixDigestProcessor(job as Job<TeamMixJob>);
      if (job.name === RETENTION_NIGHTLY) return retentionProcessor(job as Job<TeamMixJob>);
      if (job.name === CLOSE_VACANCIES_JOB) return closeVacanciesProcessor();
      if (job.name === "send-vote-reminder") return sendVoteReminderProcessor(job as Job<VoteReminderJob>);
      return sendSurveyReminderProcessor(job as Job<SurveyReminderJob>);
    }),
    { connection, prefix: keyPrefix(), concurrency: 2, ...locks, metrics },
  );
  logJobEvents(reminderWorker, REMINDER_QUEUE);
  // Back within SCHEDULER_CHECK_INTERVAL_MS after Redis restarts empty, without restarting the worker.
  const stopSchedulers = keepSchedulers(env.SCHEDULER_CHECK_INTERVAL_MS);

  // The relay: emails committed while Redis was down (or lost by Redis) get enqueued here.
  let relaying = false;
  const relay = async () => {
    if (relaying) return;
    relaying = true;
    try {
      const pending = await listPendingOutbox(getDb());
      if (pending.length) await relayOutbox(getDb(), pending);
    } catch (error) {
      log.error({ err: error }, "outbox relay failed");
    } finally {
      relaying = false;
    }
  };
  await relay();
  const timer = setInterval(relay, env.OUTBOX_RELAY_INTERVAL_MS);
  // /readyz reports the web not ready while no worker has beaten for a minute.
  const stopHeartbeat = startHeartbeat(connection, keyPrefix());

  return async function stop() {
    clearInterval(timer);
    await stopSchedulers();
    await stopHeartbeat();
    await Promise.all([emailWorker.close(), reminderWorker.close()]);
    await Promise.all([closeEmailQueue(), closeReminderQueue()]);
    await connection.quit().catch(() => {});
    await closeProducerRedis();
    await closeDb();
  };
}

// `node build/worker.js` in production (npm run worker), `jobs/worker.ts` through tsx in development.
if (/[\\/](build[\\/]worker\.js|jobs[\\/]worker\.ts)$/.test(process.argv[1] ?? "")) {
  await checkEvictionPolicyOrExit("worker");
  const stop = await startWorker();
  getLogger().info("worker: waiting for jobs");
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      getLogger().info(`worker: ${signal}, finishing running jobs`);
      // A job still running at the deadline is abandoned: its lock expires and BullMQ hands it to
      // another worker as stalled (processors are idempotent), so a hung job cannot hold a deploy.
      const timeoutMs = getServerEnv().SHUTDOWN_TIMEOUT_MS;
      const deadline = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
      const stopped = await Promise.race([stop().then(() => true), deadline]);
      if (!stopped) getLogger().error(`worker: jobs still running after ${timeoutMs} ms were abandoned`);
      process.exit(stopped ? 0 : 1);
    });
  }
}
