import type { Job, Worker } from "bullmq";
import { getLogger } from "#app/utils/logger.server.js";
import { runWithLogContext } from "#app/utils/request-context.server.js";

/**
 * Runs a processor with the job's ids in every log line it writes (the job's data holds ids only:
 * see ARCHITECTURE.md, "Jobs").
 */
export function withJobLogContext<T, R>(queue: string, processor: (job: Job<T>) => Promise<R>) {
  return (job: Job<T>) => runWithLogContext({ queue, jobId: job.id, orgId: orgOf(job) }, () => processor(job));
}

/** Logs each job's outcome: one line per failure (with the attempt), completions at debug level. */
export function logJobEvents(worker: Worker, queue: string) {
  const log = getLogger().child({ queue });
  // These events fire outside the job's log context: the ids are given again.
  worker.on("completed", (job) => {
    log.debug({ jobId: job.id, job: job.name, orgId: orgOf(job), durationMs: elapsed(job) }, "job completed");
  });
  worker.on("failed", (job, error) => {
    const final = !job || error.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
    log[final ? "error" : "warn"](
      {
        jobId: job?.id,
        job: job?.name,
        orgId: job ? orgOf(job) : undefined,
        attempt: job?.attemptsMade,
        final,
        durationMs: job ? elapsed(job) : undefined,
        err: error,
      },
      final ? "job failed for good" : "job failed, will retry",
    );
  });
  worker.on("error", (error) => log.error({ err: error }, "worker error"));
}

const elapsed = (job: Job) => (job.processedOn && job.finishedOn ? job.finishedOn - job.processedOn : undefined);

function orgOf(job: Job) {
  const orgId = (job.data as { orgId?: unknown } | undefined)?.orgId;
  return typeof orgId === "string" ? orgId : undefined;
}
