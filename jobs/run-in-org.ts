import { type DB, getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { AfterCommit, type UseCaseContext } from "#app/domain/after-commit.js";
import { removeJobs, removeJobsAbout, scheduleReminderJobs } from "./queues.js";
import { relayOutbox } from "./relay-outbox.js";
import { getLogger } from "#app/utils/logger.server.js";

/**
 * The one runner for use cases: opens the organisation's transaction (`withOrg`), runs `work`
 * with a fresh after-commit collector, commits, then carries out what the work recorded. Routes
 * reach it through their scope (app/utils/tenant.server.ts); job processors call it directly.
 * If the work throws, the transaction rolls back and nothing recorded is carried out.
 */
export async function runInOrg<T>(orgId: string, work: (ctx: UseCaseContext) => Promise<T>, db: DB = getDb()): Promise<T> {
  const after = new AfterCommit();
  const result = await withOrg(db, orgId, (trx) => work({ trx, after }));
  await carryOut(after, db);
  return result;
}

/**
 * Relays the emails and adds or removes the jobs. Never throws: the change is committed, so the
 * caller has succeeded. With Redis down the outbox keeps the emails (the worker's relay sends them
 * within seconds of Redis returning), the 15-minute sweep rebuilds lost delayed jobs from
 * PostgreSQL, and a job that should have been removed finds nothing to do when it runs.
 */
export async function carryOut(after: AfterCommit, db: DB = getDb()) {
  if (after.isEmpty) return;
  const jobs = async () => {
    // Removals first: a re-planned job may reuse an id that is being removed.
    if (after.jobIdsToRemove.length) {
      await removeJobs(after.jobIdsToRemove).catch((error: Error) =>
        getLogger().warn({ err: error, jobs: after.jobIdsToRemove.length }, "jobs not removed now (they will find nothing to do)"),
      );
    }
    if (after.jobsAboutToRemove.length) {
      await removeJobsAbout(after.jobsAboutToRemove).catch((error: Error) =>
        getLogger().warn(
          { err: error },
          "jobs about an erased person not removed now (they find nothing to do; the retention job removes them)",
        ),
      );
    }
    if (after.jobsToAdd.length) {
      await scheduleReminderJobs(after.jobsToAdd).catch((error: Error) =>
        getLogger().warn({ err: error, jobs: after.jobsToAdd.length }, "delayed jobs left for the sweep"),
      );
    }
  };
  const emails = relayOutbox(db, after.emailRefs).catch((error: Error) =>
    getLogger().warn({ err: error, emails: after.emailRefs.length }, "outbox: emails left for the relay"),
  );
  await Promise.all([emails, jobs()]);
}
