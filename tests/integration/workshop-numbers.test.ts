import type { UseCaseContext } from "#app/domain/after-commit.js";
import { recordInOrg, runInOrg, sweepFor } from "#tests/support/run.js";
import { afterAll, describe, expect, it } from "vitest";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { bookSeat, cancelBooking } from "#app/domain/workshops/book-seat.server.js";
import { joinWaitlist } from "#app/domain/workshops/waitlist.server.js";
import { checkWorkshopNumbers, mergeWorkshop, sweepWorkshopNumbers } from "#app/domain/workshops/workshop-numbers.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";

afterAll(closeOwnerDb);

describe("workshops below the minimum", () => {
  it("tells the lead once, 48 hours before, and merges everyone into another date", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const small = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 5 });
    const bigger = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 12, capacity: 3 });
    const people = await insertInvitedApplications(org.orgId, org.vacancyId, 2);
    const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) => runInOrg(org.orgId, work);
    for (const p of people) await run((ctx) => bookSeat(ctx, { ...p, workshopId: small, adjustments: "" }));

    const workshop = await run(({ trx }) =>
      trx.selectFrom("workshops").select("startsAt").where("id", "=", small).executeTakeFirstOrThrow(),
    );
    const startsAt = new Date(workshop.startsAt).getTime();
    // Three days ahead is too early; a day ahead, 2 booked is below the minimum of 8.
    expect(await run((ctx) => checkWorkshopNumbers(ctx, small, new Date(startsAt - 72 * 3_600_000)))).toBe(0);
    const { result: alerted, after: alerts } = await recordInOrg(org.orgId, (ctx) =>
      checkWorkshopNumbers(ctx, small, new Date(startsAt - 24 * 3_600_000)),
    );
    expect(alerted).toBe(1);
    expect(await run((ctx) => checkWorkshopNumbers(ctx, small, new Date(startsAt - 23 * 3_600_000)))).toBe(0);
    expect(await sweepFor(sweepWorkshopNumbers, org.orgId)).toEqual([]);
    await deliverOutboxEmail(getDb(), org.orgId, alerts.emailRefs[0].id);
    const [alert] = await fetchCaptured(process.env.RESEND_BASE_URL as string, `lead@${org.slug}.test`);
    expect(alert.subject).toMatch(/^Only 2 booked for the workshop on /);

    const merged = await run((ctx) => mergeWorkshop(ctx, small, bigger));
    expect(merged.moved).toHaveLength(2);
    const after = await run(async ({ trx }) => ({
      small: await trx.selectFrom("workshops").select("status").where("id", "=", small).executeTakeFirstOrThrow(),
      bookings: await trx
        .selectFrom("workshopBookings")
        .select(["workshopId", "status", "sequence"])
        .where("status", "=", "booked")
        .execute(),
    }));
    expect(after.small.status).toBe("cancelled");
    expect(after.bookings).toEqual([
      { workshopId: bigger, status: "booked", sequence: 1 },
      { workshopId: bigger, status: "booked", sequence: 1 },
    ]);
    const moveEmails = await run(({ trx }) => trx.selectFrom("outbox").select("id").where("kind", "=", "workshop-booked").execute());
    expect(moveEmails).toHaveLength(4); // two bookings, then two moves
  });

  it("refuses to merge into a date without room for everyone", async () => {
    const org = await insertOrg();
    const from = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 5 });
    const into = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 12, capacity: 1 });
    const people = await insertInvitedApplications(org.orgId, org.vacancyId, 2);
    for (const p of people) await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...p, workshopId: from, adjustments: "" }));
    await expect(runInOrg(org.orgId, (ctx) => mergeWorkshop(ctx, from, into))).rejects.toMatchObject({
      code: "full",
      message: "That date does not have room for all 2 people. Choose another.",
    });
  });
  it("counts a seat held for the waiting list: no merge fills it, and the person it is held for can still book", async () => {
    const org = await insertOrg();
    const from = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 5 });
    const into = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 12, capacity: 2 });
    const [booked, leaving, waiting, moving] = await insertInvitedApplications(org.orgId, org.vacancyId, 4);
    const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) => runInOrg(org.orgId, work);
    await run((ctx) => bookSeat(ctx, { ...booked, workshopId: into, adjustments: "" }));
    await run((ctx) => bookSeat(ctx, { ...leaving, workshopId: into, adjustments: "" }));
    await run((ctx) => joinWaitlist(ctx, { workshopId: into, applicationId: waiting.applicationId, candidateId: waiting.candidateId }));
    // The cancel frees a seat, which is held for the person waiting: the date is full again.
    expect((await run((ctx) => cancelBooking(ctx, leaving.applicationId, leaving.candidateId))).seatHolds).toHaveLength(1);
    await run((ctx) => bookSeat(ctx, { ...moving, workshopId: from, adjustments: "" }));

    await expect(run((ctx) => mergeWorkshop(ctx, from, into))).rejects.toMatchObject({ code: "full" });
    await run((ctx) => bookSeat(ctx, { ...waiting, workshopId: into, adjustments: "" }));
  });
});
