import { caught } from "#tests/support/caught.js";
import { runInOrg } from "#tests/support/run.js";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { bookSeat, cancelBooking } from "#app/domain/workshops/book-seat.server.js";
import { WorkshopError } from "#app/domain/workshops/workshop.errors.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { loader as workshopLoader } from "#app/routes/workshops.$workshopId.js";
import { loader as listLoader } from "#app/routes/workshops._index.js";
import { action as bookingAction } from "#app/routes/me_.workshop.$applicationId.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { candidateCookie } from "#tests/factories/shadow.js";
import { advanceTo } from "#tests/factories/application.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";

afterAll(closeOwnerDb);

const liveBookings = (orgId: string, workshopId: string) =>
  withOrg(getDb(), orgId, (trx) =>
    trx
      .selectFrom("workshopBookings")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("workshopId", "=", workshopId)
      .where("status", "=", "booked")
      .executeTakeFirstOrThrow(),
  ).then((r) => r.n);

describe("booking a workshop seat", () => {
  it("never overbooks: 60 people booking 25 seats at once, exactly 25 get one and the rest hear it is full", async () => {
    const org = await insertOrg();
    const workshopId = await insertWorkshop(org.orgId, org.teamId, { capacity: 25 });
    const people = await insertInvitedApplications(org.orgId, org.vacancyId, 60);

    const results = await Promise.allSettled(
      people.map((p) => runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...p, workshopId, adjustments: "" }))),
    );
    const booked = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(booked).toHaveLength(25);
    expect(refused).toHaveLength(35);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(WorkshopError);
      expect(r.reason).toMatchObject({ code: "full", message: "Sorry, that workshop is now full. Please choose another date." });
    }
    expect(await liveBookings(org.orgId, workshopId)).toBe(25);
  });

  it("moves a booking to another date, freeing the seat, and cancels it", async () => {
    const org = await insertOrg();
    const first = await insertWorkshop(org.orgId, org.teamId, { capacity: 1 });
    const second = await insertWorkshop(org.orgId, org.teamId, { capacity: 1, daysAhead: 14 });
    const [me, other] = await insertInvitedApplications(org.orgId, org.vacancyId, 2);

    await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...me, workshopId: first, adjustments: "A quiet room" }));
    await expect(runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...other, workshopId: first, adjustments: "" }))).rejects.toMatchObject({
      code: "full",
    });

    const moved = await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...me, workshopId: second, adjustments: "A quiet room" }));
    expect(moved.moved).toBe(true);
    expect(await liveBookings(org.orgId, first)).toBe(0);
    // The freed seat can now be taken.
    await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...other, workshopId: first, adjustments: "" }));

    const sequences = await withOrg(getDb(), org.orgId, (trx) =>
      trx
        .selectFrom("workshopBookings")
        .select(["status", "sequence"])
        .where("applicationId", "=", me.applicationId)
        .orderBy("bookedAt")
        .execute(),
    );
    expect(sequences).toEqual([
      { status: "cancelled", sequence: 0 },
      { status: "booked", sequence: 1 },
    ]);

    await runInOrg(org.orgId, (ctx) => cancelBooking(ctx, me.applicationId, me.candidateId));
    expect(await liveBookings(org.orgId, second)).toBe(0);
    const emails = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("outbox").select("kind").where("kind", "like", "workshop-%").orderBy("createdAt").execute(),
    );
    expect(emails.map((e) => e.kind)).toEqual(["workshop-booked", "workshop-booked", "workshop-booked", "workshop-cancelled"]);
  });

  it("refuses people not invited to a workshop, workshops too soon, and other organisations' candidates", async () => {
    const org = await insertOrg();
    const other = await insertOrg();
    const soon = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 0.5 });
    const later = await insertWorkshop(org.orgId, org.teamId);
    const [me] = await insertInvitedApplications(org.orgId, org.vacancyId, 1);
    await expect(runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...me, workshopId: soon, adjustments: "" }))).rejects.toMatchObject({
      code: "too_late",
    });
    await advanceTo(org.orgId, me.applicationId, "survey");
    await expect(runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...me, workshopId: later, adjustments: "" }))).rejects.toMatchObject({
      code: "not_invited",
    });
    const [theirs] = await insertInvitedApplications(other.orgId, other.vacancyId, 1);
    await expect(runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...theirs, workshopId: later, adjustments: "" }))).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("booking another team's workshop", () => {
  it("refuses a workshop that recruits for another team, even from a hand-made POST", async () => {
    const org = await insertOrg();
    const otherTeam = await withOrg(ownerDb(), org.orgId, async (trx) => {
      const region = await trx.selectFrom("regions").select("id").executeTakeFirstOrThrow();
      return trx
        .insertInto("teams")
        .values({ name: "Brookside", town: "Brookside", regionId: region.id })
        .returning("id")
        .executeTakeFirstOrThrow();
    });
    const theirs = await insertWorkshop(org.orgId, otherTeam.id, { capacity: 5 });
    const [me] = await insertInvitedApplications(org.orgId, org.vacancyId, 1);

    await expect(runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...me, workshopId: theirs, adjustments: "" }))).rejects.toMatchObject({
      code: "other_team",
    });
    const cookie = await candidateCookie(org.orgId, me.candidateId);
    const post = (intent: string) =>
      bookingAction({
        request: new Request(`http://localhost/me/workshop/${me.applicationId}`, {
          method: "POST",
          headers: { Cookie: cookie },
          body: new URLSearchParams({ intent, workshopId: theirs, adjustments: "" }),
        }),
        params: { applicationId: me.applicationId },
        context: {},
      }) as Promise<Response>;
    expect((await post("book")).status).toBe(404);
    // Nor can they queue for it: a seat held for them there would be one they could not take.
    expect((await post(`waitlist:${theirs}`)).status).toBe(404);
    expect(await liveBookings(org.orgId, theirs)).toBe(0);
  });
});

describe("changing dates at the same time", () => {
  it("two people swapping dates in opposite directions both succeed (no deadlock)", async () => {
    const org = await insertOrg();
    const first = await insertWorkshop(org.orgId, org.teamId, { capacity: 2 });
    const second = await insertWorkshop(org.orgId, org.teamId, { capacity: 2, daysAhead: 14 });
    const [a, b] = await insertInvitedApplications(org.orgId, org.vacancyId, 2);
    await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...a, workshopId: first, adjustments: "" }));
    await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...b, workshopId: second, adjustments: "" }));
    for (let round = 0; round < 10; round++) {
      const [aTo, bTo] = round % 2 === 0 ? [second, first] : [first, second];
      await Promise.all([
        runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...a, workshopId: aTo, adjustments: "" })),
        runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...b, workshopId: bTo, adjustments: "" })),
      ]);
    }
    expect(await liveBookings(org.orgId, first)).toBe(1);
    expect(await liveBookings(org.orgId, second)).toBe(1);
  });
});

describe("workshop tenancy", () => {
  it("another organisation's lead can neither open a workshop nor see its bookings", async () => {
    const oakfield = await insertOrg();
    const riverside = await insertOrg();
    const workshopId = await insertWorkshop(oakfield.orgId, oakfield.teamId);
    const riverLead = await staffCookie(riverside.orgId, riverside.leadId);
    const read = await caught(
      workshopLoader({
        request: new Request(`http://localhost/workshops/${workshopId}`, { headers: { Cookie: riverLead } }),
        params: { workshopId },
        context: {},
      }),
    );
    expect((read as Response).status).toBe(404);
    const list = await listLoader({
      request: new Request("http://localhost/workshops", { headers: { Cookie: riverLead } }),
      params: {},
      context: {},
    });
    expect(list.workshops.map((w) => w.id)).not.toContain(workshopId);
    const oakLead = await staffCookie(oakfield.orgId, oakfield.leadId);
    const own = await listLoader({
      request: new Request("http://localhost/workshops", { headers: { Cookie: oakLead } }),
      params: {},
      context: {},
    });
    expect(own.workshops.map((w) => w.id)).toContain(workshopId);
  });
});
