import { runInOrg, sweepFor } from "#tests/support/run.js";
import { afterAll, describe, expect, it } from "vitest";
import { bookSeat, cancelBooking } from "#app/domain/workshops/book-seat.server.js";
import {
  queueWorkshopReminderIfDue,
  scheduleWorkshopReminders,
  sweepWorkshopReminders,
  workshopReminderKey,
} from "#app/domain/workshops/workshop-reminders.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getReminderQueue } from "#jobs/queues.js";
import { closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";
import { waitFor, workerPerTest } from "#tests/support/worker.js";

const HOUR = 3_600_000;
const worker = workerPerTest();
afterAll(closeOwnerDb);

const reminders = async (email: string) =>
  (await fetchCaptured(process.env.RESEND_BASE_URL as string, email))
    .map((m) => m.subject)
    .filter((s) => /^(Reminder|See you soon)/.test(s));

describe("workshop reminders", () => {
  it("sends the 48-hour reminder once, moves reminders with a new date, and drops them on cancelling", async () => {
    const org = await insertOrg();
    const soon = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 30 / 24 }); // starts in 30 hours
    const later = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 10 });
    const [me] = await insertInvitedApplications(org.orgId, org.vacancyId, 1);

    // Booking plans the reminders after its commit; planning them again (a retried job) adds nothing.
    const first = await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...me, workshopId: soon, adjustments: "" }));
    await runInOrg(org.orgId, async (ctx) => scheduleWorkshopReminders(ctx, { orgId: org.orgId, id: first.bookingId }, first.startsAt));
    await worker.start();
    await waitFor(async () => (await reminders(me.email)).length > 0, "the 48-hour reminder");
    expect(await getReminderQueue().getJobState(workshopReminderKey(first.bookingId, "2h"))).toBe("delayed");
    expect(await sweepFor(sweepWorkshopReminders, org.orgId)).toEqual([]);
    await new Promise((r) => setTimeout(r, 400));
    expect(await reminders(me.email)).toEqual([expect.stringMatching(/^Reminder: your workshop on /)]);

    // A new date: the old booking's reminders go, the new one's wait for their time.
    const moved = await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...me, workshopId: later, adjustments: "" }));
    expect(moved.previousBookingId).toBe(first.bookingId);
    expect(await getReminderQueue().getJob(workshopReminderKey(first.bookingId, "2h"))).toBeUndefined();
    expect(await getReminderQueue().getJobState(workshopReminderKey(moved.bookingId, "48h"))).toBe("delayed");
    // Even if the old job had run, the cancelled booking gets nothing.
    expect(
      await runInOrg(org.orgId, (ctx) => queueWorkshopReminderIfDue(ctx, first.bookingId, "2h", new Date(first.startsAt.getTime() - HOUR))),
    ).toBe(false);

    await runInOrg(org.orgId, (ctx) => cancelBooking(ctx, me.applicationId, me.candidateId));
    expect(await getReminderQueue().getJob(workshopReminderKey(moved.bookingId, "48h"))).toBeUndefined();
    expect(await reminders(me.email)).toHaveLength(1);
  });

  it("in the last 2 hours sends only the 2-hour reminder", async () => {
    const org = await insertOrg();
    const workshopId = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 10 });
    const [me] = await insertInvitedApplications(org.orgId, org.vacancyId, 1);
    const booked = await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...me, workshopId, adjustments: "" }));
    const oneHourBefore = new Date(booked.startsAt.getTime() - HOUR);
    expect(await runInOrg(org.orgId, (ctx) => queueWorkshopReminderIfDue(ctx, booked.bookingId, "48h", oneHourBefore))).toBe(false);
    expect(await runInOrg(org.orgId, (ctx) => queueWorkshopReminderIfDue(ctx, booked.bookingId, "2h", oneHourBefore))).toBe(true);
    expect(await runInOrg(org.orgId, (ctx) => queueWorkshopReminderIfDue(ctx, booked.bookingId, "2h", oneHourBefore))).toBe(false);
    const afterStart = new Date(booked.startsAt.getTime() + HOUR);
    expect(await runInOrg(org.orgId, (ctx) => queueWorkshopReminderIfDue(ctx, booked.bookingId, "2h", afterStart))).toBe(false);
  });
});
