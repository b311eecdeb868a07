import { afterAll, describe, expect, it } from "vitest";
import { acceptShift, pickSlot } from "#app/domain/shadow/pick-slot.server.js";
import { cancelShiftByStaff } from "#app/domain/shadow/cancel-shift.server.js";
import { moveShift } from "#app/domain/shadow/propose-shift.server.js";
import { queueShadowReminderIfDue, shadowReminderKey, sweepShadowReminders } from "#app/domain/shadow/shadow-reminders.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { getReminderQueue } from "#jobs/queues.js";
import { closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { dateIn, insertHost, insertShadowApplications, insertShift } from "#tests/factories/shadow.js";
import { waitFor, workerPerTest } from "#tests/support/worker.js";
import { countingRunner, recordInOrg, runInOrg } from "#tests/support/run.js";

const HOUR = 3_600_000;
const worker = workerPerTest();
afterAll(closeOwnerDb);

const subjects = async (email: string, pattern: RegExp) =>
  (await fetchCaptured(process.env.RESEND_BASE_URL as string, email)).map((m) => m.subject).filter((s) => pattern.test(s));

describe("shadow shift reminders", () => {
  it("a moved shift's reminders move with it: the old job goes (and would be skipped), the new one waits, nothing is sent twice", async () => {
    const org = await insertOrg();
    const host = await insertHost(org.orgId, org.teamId);
    const [me] = await insertShadowApplications(org.orgId, org.vacancyId, 1);
    const lead = { userId: org.leadId, name: "Lee Lead", role: "lead" as const };
    // An open slot 20 hours away: its 24-hour reminder is due as soon as it is confirmed.
    const slot = await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: host.memberId,
      startsAt: new Date(Date.now() + 20 * HOUR),
    });
    // Confirming the shift adds its reminder jobs once it commits.
    await runInOrg(org.orgId, (ctx) => pickSlot(ctx, { ...me, slotId: slot.shiftId }));
    await worker.start();
    await waitFor(async () => (await subjects(me.email, /^Reminder: your shadow shift/)).length > 0, "the candidate's reminder");
    await waitFor(async () => (await subjects(host.email, /^Reminder: shadow shift/)).length > 0, "the host's reminder");
    expect(await getReminderQueue().getJobState(shadowReminderKey(slot.shiftId, 0, "after"))).toBe("delayed");
    // The sweep finds nothing new to send for it.
    const sweep = countingRunner();
    await sweepShadowReminders(getDb(), sweep.run);
    expect(sweep.emailsFor(org.orgId)).toBe(0);

    // Staff move it to next week: back to "proposed", sequence 1; the old jobs go.
    await runInOrg(org.orgId, (ctx) =>
      moveShift(ctx, lead, slot.shiftId, {
        hostMemberId: host.memberId,
        date: dateIn(7),
        startTime: "10:00",
        endTime: "14:00",
        meetingPoint: "Ashdown office",
      }),
    );
    expect(await getReminderQueue().getJob(shadowReminderKey(slot.shiftId, 0, "after"))).toBeUndefined();
    // Even if the old job ran at its time, the moved shift gets nothing from it.
    expect(await runInOrg(org.orgId, (ctx) => queueShadowReminderIfDue(ctx, slot.shiftId, 0, "24h"))).toBe(0);
    // Not confirmed yet: no reminder for the new time either.
    const week = new Date(Date.now() + 6.5 * 86_400_000);
    expect(await runInOrg(org.orgId, (ctx) => queueShadowReminderIfDue(ctx, slot.shiftId, 1, "24h", week))).toBe(0);

    const accepted = await runInOrg(org.orgId, (ctx) => acceptShift(ctx, me));
    expect(accepted.sequence).toBe(1);
    expect(await getReminderQueue().getJobState(shadowReminderKey(slot.shiftId, 1, "24h"))).toBe("delayed");
    expect(await getReminderQueue().getJobState(shadowReminderKey(slot.shiftId, 1, "after"))).toBe("delayed");
    await new Promise((r) => setTimeout(r, 400));
    expect(await subjects(me.email, /^Reminder/)).toHaveLength(1);
    expect(await subjects(host.email, /^Reminder/)).toHaveLength(1);
  });

  it("a cancelled shift gets no reminder and no follow-up", async () => {
    const org = await insertOrg();
    const host = await insertHost(org.orgId, org.teamId);
    const [me] = await insertShadowApplications(org.orgId, org.vacancyId, 1);
    const shift = await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: host.memberId,
      applicationId: me.applicationId,
      startsAt: new Date(Date.now() + 10 * HOUR),
    });
    const { after } = await recordInOrg(org.orgId, (ctx) =>
      cancelShiftByStaff(ctx, { userId: org.leadId, name: "Lee Lead", role: "lead" }, shift.shiftId),
    );
    expect(after.emailRefs).toHaveLength(1);
    expect(after.jobIdsToRemove).toEqual([shadowReminderKey(shift.shiftId, 0, "24h"), shadowReminderKey(shift.shiftId, 0, "after")]);
    for (const sequence of [0, 1]) {
      expect(await runInOrg(org.orgId, (ctx) => queueShadowReminderIfDue(ctx, shift.shiftId, sequence, "24h"))).toBe(0);
      const afterEnd = new Date(shift.endsAt.getTime() + HOUR);
      expect(await runInOrg(org.orgId, (ctx) => queueShadowReminderIfDue(ctx, shift.shiftId, sequence, "after", afterEnd))).toBe(0);
    }
    const sweep = countingRunner();
    await sweepShadowReminders(getDb(), sweep.run);
    expect(sweep.emailsFor(org.orgId)).toBe(0);
  });

  it("the sweep re-creates a reminder and a follow-up whose jobs Redis lost, and never sends them twice", async () => {
    const org = await insertOrg();
    const host = await insertHost(org.orgId, org.teamId);
    const [soon, done] = await insertShadowApplications(org.orgId, org.vacancyId, 2);
    const tomorrow = await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: host.memberId,
      applicationId: soon.applicationId,
      startsAt: new Date(Date.now() + 10 * HOUR),
    });
    const yesterday = await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: host.memberId,
      applicationId: done.applicationId,
      startsAt: new Date(Date.now() - 28 * HOUR),
    });
    // No delayed jobs at all (Redis lost them): the sweep queues the four emails.
    const first = countingRunner();
    await sweepShadowReminders(getDb(), first.run);
    expect(first.emailsFor(org.orgId)).toBe(4);
    const again = countingRunner();
    await sweepShadowReminders(getDb(), again.run);
    expect(again.emailsFor(org.orgId)).toBe(0);
    // The delayed job turning up late finds them already queued.
    expect(await runInOrg(org.orgId, (ctx) => queueShadowReminderIfDue(ctx, tomorrow.shiftId, 0, "24h"))).toBe(0);
    expect(await runInOrg(org.orgId, (ctx) => queueShadowReminderIfDue(ctx, yesterday.shiftId, 0, "after"))).toBe(0);

    await worker.start();
    await waitFor(async () => (await fetchCaptured(process.env.RESEND_BASE_URL as string, host.email)).length >= 2, "the host's emails");
    await waitFor(async () => (await subjects(done.email, /^How was your shadow shift/)).length > 0, "the reflection email");
    await new Promise((r) => setTimeout(r, 400));
    expect(await subjects(soon.email, /^Reminder: your shadow shift/)).toHaveLength(1);
    expect(await subjects(done.email, /^How was your shadow shift/)).toHaveLength(1);
    expect((await subjects(host.email, /./)).sort()).toEqual([
      "How did the shadow shift with Candidate 1 go?",
      "Reminder: shadow shift with Candidate 0 tomorrow",
    ]);
  });
});
