import type { UseCaseContext } from "#app/domain/after-commit.js";
import { runInOrg, sweepFor } from "#tests/support/run.js";
import { afterAll, describe, expect, it } from "vitest";
import { bookSeat, cancelBooking } from "#app/domain/workshops/book-seat.server.js";
import { expireSeatHold, joinWaitlist, sweepSeatHolds } from "#app/domain/workshops/waitlist.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";

afterAll(closeOwnerDb);

const statuses = (orgId: string, workshopId: string) =>
  withOrg(getDb(), orgId, (trx) =>
    trx
      .selectFrom("workshopWaitlist")
      .select(["applicationId", "status"])
      .where("workshopId", "=", workshopId)
      .orderBy("joinedAt")
      .execute(),
  );

describe("the waiting list", () => {
  it("offers a freed seat to the first person waiting, holds it for them, then passes it on when the offer runs out", async () => {
    const org = await insertOrg();
    const workshopId = await insertWorkshop(org.orgId, org.teamId, { capacity: 1 });
    const [a, b, c] = await insertInvitedApplications(org.orgId, org.vacancyId, 3);
    const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) => runInOrg(org.orgId, work);

    await run((ctx) => bookSeat(ctx, { ...a, workshopId, adjustments: "" }));
    await expect(run((ctx) => bookSeat(ctx, { ...b, workshopId, adjustments: "" }))).rejects.toMatchObject({ code: "full" });
    await run((ctx) => joinWaitlist(ctx, { workshopId, applicationId: b.applicationId, candidateId: b.candidateId }));
    await run((ctx) => joinWaitlist(ctx, { workshopId, applicationId: c.applicationId, candidateId: c.candidateId }));
    await run((ctx) => joinWaitlist(ctx, { workshopId, applicationId: c.applicationId, candidateId: c.candidateId })); // joining twice changes nothing

    const cancelled = await run((ctx) => cancelBooking(ctx, a.applicationId, a.candidateId));
    expect(cancelled.seatHolds).toHaveLength(1);
    expect(await statuses(org.orgId, workshopId)).toEqual([
      { applicationId: b.applicationId, status: "offered" },
      { applicationId: c.applicationId, status: "waiting" },
    ]);
    // The seat is held for B: C cannot take it.
    await expect(run((ctx) => bookSeat(ctx, { ...c, workshopId, adjustments: "" }))).rejects.toMatchObject({ code: "full" });

    // B does not answer in time: the offer expires and C is offered the seat.
    const expiry = cancelled.seatHolds[0];
    expect(await run((ctx) => expireSeatHold(ctx, expiry.entryId, new Date(expiry.expiresAt.getTime() - 60_000)))).toEqual([]);
    const next = await run((ctx) => expireSeatHold(ctx, expiry.entryId, new Date(expiry.expiresAt.getTime() + 1000)));
    expect(next).toHaveLength(1);
    expect(await statuses(org.orgId, workshopId)).toEqual([
      { applicationId: b.applicationId, status: "expired" },
      { applicationId: c.applicationId, status: "offered" },
    ]);
    await run((ctx) => bookSeat(ctx, { ...c, workshopId, adjustments: "" }));
    expect((await statuses(org.orgId, workshopId)).at(-1)).toEqual({ applicationId: c.applicationId, status: "accepted" });

    const emails = await run(({ trx }) => trx.selectFrom("outbox").select("kind").where("kind", "=", "waitlist-offer").execute());
    expect(emails).toHaveLength(2);
  });

  it("passes on a seat hold whose expiry job was lost (Redis restarted empty), once, when the sweep runs", async () => {
    const org = await insertOrg();
    const workshopId = await insertWorkshop(org.orgId, org.teamId, { capacity: 1 });
    const [a, b, c] = await insertInvitedApplications(org.orgId, org.vacancyId, 3);
    const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) => runInOrg(org.orgId, work);
    await run((ctx) => bookSeat(ctx, { ...a, workshopId, adjustments: "" }));
    await run((ctx) => joinWaitlist(ctx, { workshopId, applicationId: b.applicationId, candidateId: b.candidateId }));
    await run((ctx) => joinWaitlist(ctx, { workshopId, applicationId: c.applicationId, candidateId: c.candidateId }));
    // A cancels; B's hold is never given an expiry job (as if Redis lost it).
    await run((ctx) => cancelBooking(ctx, a.applicationId, a.candidateId));

    // Before the hold runs out the sweep leaves it alone.
    expect(await sweepFor(sweepSeatHolds, org.orgId)).toEqual([]);
    expect((await statuses(org.orgId, workshopId)).map((e) => e.status)).toEqual(["offered", "waiting"]);

    // The hold's 24 hours pass: the sweep offers the seat to C, and a second sweep changes nothing.
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("workshopWaitlist")
        .set({ offerExpiresAt: new Date(Date.now() - 60_000) })
        .where("applicationId", "=", b.applicationId)
        .execute(),
    );
    // One seat held for someone new: their offer email.
    expect(await sweepFor(sweepSeatHolds, org.orgId)).toHaveLength(1);
    expect(await statuses(org.orgId, workshopId)).toEqual([
      { applicationId: b.applicationId, status: "expired" },
      { applicationId: c.applicationId, status: "offered" },
    ]);
    expect(await sweepFor(sweepSeatHolds, org.orgId)).toEqual([]);
  });
});
