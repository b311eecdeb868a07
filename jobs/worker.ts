import { type Job, Worker } from "bullmq";
import { getServerEnv } from "#app/env.server.js";
import { listPendingOutbox } from "#app/domain/email/outbox.server.js";
import { relayOutbox } from "./relay-outbox.js";
import { closeDb, getDb } from "#db/client.js";
import { closeProducerRedis, createRedis, keyPrefix } from "./connection.js";
import { sendEmailProcessor } from "./processors/send-email.js";
import { expireWaitlistOfferProcessor } from "./processors/expire-waitlist-offer.js";
import { sendSurveyReminderProcessor } from "./processors/send-survey-reminder.js";
import { sendWorkshopReminderProcessor } from "./processors/send-workshop-reminder.js";
import { sendShadowReminderProcessor } from "./processors/send-shadow-reminder.js";
import { surveyReminderSweepProcessor } from "./processors/survey-reminder-sweep.js";
import { TEAM_MIX_DIGEST, TEAM_MIX_NIGHTLY, teamMixDigestProcessor, teamMixNightlyProcessor } from "./processors/team-mix.js";
import { closeVoteProcessor, sendVoteReminderProcessor } from "./processors/votes.js";
import { sendTouchpointProcessor } from "./processors/send-touchpoint.js";
import { refreshFunnelProcessor } from "./processors/refresh-funnel.js";
import {
  closeEmailQueue,
  closeReminderQueue,
  type CloseVoteJob,
  EMAIL_QUEUE,
  getReminderQueue,
  REMINDER_QUEUE,
  type ShadowReminderJob,
  type TeamMixJob,
  type SurveyReminderJob,
  type TouchpointJob,
  type VoteReminderJob,
  type WaitlistOfferJob,
  type WorkshopReminderJob,
} from "./queues.js";

const SWEEP_JOB = "survey-reminder-sweep";
const REFRESH_FUNNEL_JOB = "refresh-funnel";

/**
 * The worker process: runs the queues' jobs and the outbox relay. Started with `npm run worker`.
 * Returns a stop function (SIGTERM calls it, with a deadline): finishes running jobs, then closes connections.
 */
export async function startWorker() {
  const env = getServerEnv();
  const connection = createRedis("worker");
  const emailWorker = new Worker(EMAIL_QUEUE, sendEmailProcessor, { connection, prefix: keyPrefix(), concurrency: 4 });
  emailWorker.on("failed", (job, error) => console.error(`email job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
  emailWorker.on("error", (error) => console.error(`email worker: ${error.message}`));

  const reminderWorker = new Worker(
    REMINDER_QUEUE,
    async (job) => {
      if (job.name === SWEEP_JOB) return surveyReminderSweepProcessor();
      if (job.name === "send-workshop-reminder") return sendWorkshopReminderProcessor(job as Job<WorkshopReminderJob>);
      if (job.name === "send-shadow-reminder") return sendShadowReminderProcessor(job as Job<ShadowReminderJob>);
      if (job.name === "expire-waitlist-offer") return expireWaitlistOfferProcessor(job as Job<WaitlistOfferJob>);
      if (job.name === "close-vote") return closeVoteProcessor(job as Job<CloseVoteJob>);
      if (job.name === "send-touchpoint") return sendTouchpointProcessor(job as Job<TouchpointJob>);
      if (job.name === REFRESH_FUNNEL_JOB) return refreshFunnelProcessor();
      if (job.name === TEAM_MIX_NIGHTLY) return teamMixNightlyProcessor(job as Job<TeamMixJob>);
      if (job.name === TEAM_MIX_DIGEST) return teamMixDigestProcessor(job as Job<TeamMixJob>);
      if (job.name === "send-vote-reminder") return sendVoteReminderProcessor(job as Job<VoteReminderJob>);
      return sendSurveyReminderProcessor(job as Job<SurveyReminderJob>);
    },
    { connection, prefix: keyPrefix(), concurrency: 2 },
  );
  reminderWorker.on("failed", (job, error) =>
    console.error(`reminder job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
  );
  reminderWorker.on("error", (error) => console.error(`reminder worker: ${error.message}`));
  getReminderQueue()
    .upsertJobScheduler(SWEEP_JOB, { every: 15 * 60_000 }, { name: SWEEP_JOB })
    .catch((error: Error) => console.error(`could not schedule the reminder sweep: ${error.message}`));
  getReminderQueue()
    .upsertJobScheduler(REFRESH_FUNNEL_JOB, { every: 60_000 }, { name: REFRESH_FUNNEL_JOB })
    .catch((error: Error) => console.error(`could not schedule the funnel refresh: ${error.message}`));
  // Team mix: snapshots and alerts nightly, the leads' digest on Monday mornings (UK time; stable scheduler ids).
  for (const [id, pattern] of [
    [TEAM_MIX_NIGHTLY, "0 2 * * *"],
    [TEAM_MIX_DIGEST, "0 8 * * 1"],
  ] as const) {
    getReminderQueue()
      .upsertJobScheduler(id, { pattern, tz: "Europe/London" }, { name: id, data: {} })
      .catch((error: Error) => console.error(`could not schedule ${id}: ${error.message}`));
  }

  // The relay: emails committed while Redis was down (or lost by Redis) get enqueued here.
  let relaying = false;
  const relay = async () => {
    if (relaying) return;
    relaying = true;
    try {
      const pending = await listPendingOutbox(getDb());
      if (pending.length) await relayOutbox(getDb(), pending);
    } catch (error) {
      console.error(`outbox relay: ${(error as Error).message}`);
    } finally {
      relaying = false;
    }
  };
  await relay();
  const timer = setInterval(relay, env.OUTBOX_RELAY_INTERVAL_MS);

  return async function stop() {
    clearInterval(timer);
    await Promise.all([emailWorker.close(), reminderWorker.close()]);
    await Promise.all([closeEmailQueue(), closeReminderQueue()]);
    await connection.quit().catch(() => {});
    await closeProducerRedis();
    await closeDb();
  };
}

// `node build/worker.js` in production (npm run worker), `jobs/worker.ts` through tsx in development.
if (/[\\/](build[\\/]worker\.js|jobs[\\/]worker\.ts)$/.test(process.argv[1] ?? "")) {
  const stop = await startWorker();
  console.log("worker: waiting for jobs");
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      console.log(`worker: ${signal}, finishing running jobs`);
      // A job still running at the deadline is abandoned: its lock expires and BullMQ hands it to
      // another worker as stalled (processors are idempotent), so a hung job cannot hold a deploy.
      const timeoutMs = getServerEnv().SHUTDOWN_TIMEOUT_MS;
      const deadline = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
      const stopped = await Promise.race([stop().then(() => true), deadline]);
      if (!stopped) console.error(`worker: jobs still running after ${timeoutMs} ms were abandoned`);
      process.exit(stopped ? 0 : 1);
    });
  }
}
