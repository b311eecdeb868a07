import { withOrg } from "#db/tenant.js";
import { type DB, getDb } from "#db/client.js";
import { AfterCommit, type OrgRunner, type OutboxRef, type UseCaseContext } from "#app/domain/after-commit.js";
import { runInOrg } from "#jobs/run-in-org.js";

export { runInOrg };

/**
 * Runs a use case in one organisation's transaction and hands back what it recorded for after the
 * commit, without carrying it out: for tests that check the recorded work itself, or that relay it
 * by hand (say with Redis down). Everything else goes through `runInOrg`, as routes and jobs do.
 */
export async function recordInOrg<T>(orgId: string, work: (ctx: UseCaseContext) => Promise<T>) {
  const after = new AfterCommit();
  const result = await withOrg(getDb(), orgId, (trx) => work({ trx, after }));
  return { result, after };
}

/**
 * A runner for the sweeps (which cover every organisation in the database, other tests' too) that
 * also counts the emails each organisation's work recorded, so a test can look at its own.
 */
export function countingRunner() {
  const emails: OutboxRef[] = [];
  const run: OrgRunner = (orgId, work) =>
    runInOrg(orgId, async (ctx) => {
      const result = await work(ctx);
      emails.push(...ctx.after.emailRefs);
      return result;
    });
  const refsFor = (orgId: string) => emails.filter((r) => r.orgId === orgId);
  return { run, refsFor, emailsFor: (orgId: string) => refsFor(orgId).length };
}

/** Runs a sweep through the runner and returns the emails it queued for one organisation. */
export async function sweepFor(sweep: (db: DB, run: OrgRunner) => Promise<unknown>, orgId: string) {
  const counting = countingRunner();
  await sweep(getDb(), counting.run);
  return counting.refsFor(orgId);
}
