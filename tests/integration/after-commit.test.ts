import { afterAll, describe, expect, it } from "vitest";
import { sendAfterCommit } from "#app/domain/email/outbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeReminderQueue, emailJobId, getEmailQueue, getReminderQueue } from "#jobs/queues.js";
import { closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(async () => {
  await closeReminderQueue();
  await closeOwnerDb();
});

const HOUR = 3_600_000;
const outboxOf = (orgId: string) =>
  withOrg(getDb(), orgId, (trx) => trx.selectFrom("outbox").select(["id", "enqueuedAt"]).where("kind", "=", "member-survey-invite").execute());

describe("the runner (runInOrg)", () => {
  it("carries out the recorded work only after the commit: relays the email, adds the job, removes the one no longer wanted", async () => {
    const org = await insertOrg();
    const job = (jobId: string) => ({
      name: "send-vote-reminder" as const,
      data: { orgId: org.orgId, voteId: org.vacancyId },
      jobId,
      dueAt: new Date(Date.now() + HOUR),
    });
    await runInOrg(org.orgId, async (ctx) => {
      ctx.after.addJobs([job(`test-old-${org.orgId}`)]);
    });
    expect(await getReminderQueue().getJobState(`test-old-${org.orgId}`)).toBe("delayed");

    await runInOrg(org.orgId, async (ctx) => {
      await sendAfterCommit(ctx, { kind: "member-survey-invite", teamMemberId: org.vacancyId });
      ctx.after.removeJobs([`test-old-${org.orgId}`]).addJobs([job(`test-new-${org.orgId}`)]);
    });
    const [row] = await outboxOf(org.orgId);
    expect(row.enqueuedAt).not.toBeNull();
    expect(await getEmailQueue().getJob(emailJobId(row.id))).toBeDefined();
    expect(await getReminderQueue().getJob(`test-old-${org.orgId}`)).toBeUndefined();
    expect(await getReminderQueue().getJobState(`test-new-${org.orgId}`)).toBe("delayed");
  });

  it("carries out nothing when the use case fails: the transaction rolls back and no job is added", async () => {
    const org = await insertOrg();
    await expect(
      runInOrg(org.orgId, async (ctx) => {
        await sendAfterCommit(ctx, { kind: "member-survey-invite", teamMemberId: org.vacancyId });
        ctx.after.addJobs([
          {
            name: "send-vote-reminder",
            data: { orgId: org.orgId, voteId: org.vacancyId },
            jobId: `test-failed-${org.orgId}`,
            dueAt: new Date(Date.now() + HOUR),
          },
        ]);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await outboxOf(org.orgId)).toEqual([]);
    expect(await getReminderQueue().getJob(`test-failed-${org.orgId}`)).toBeUndefined();
  });
});
