import type { UseCaseContext } from "#app/domain/after-commit.js";
import { runInOrg } from "#tests/support/run.js";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { bookSeat, cancelBooking } from "#app/domain/workshops/book-seat.server.js";
import { expireSeatHold, joinWaitlist } from "#app/domain/workshops/waitlist.server.js";
import { WorkshopError } from "#app/domain/workshops/workshop.errors.js";
import { mergeWorkshop } from "#app/domain/workshops/workshop-numbers.server.js";
import { action as bookingAction } from "#app/routes/me_.workshop.$applicationId.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { candidateCookie } from "#tests/factories/shadow.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";

afterAll(closeOwnerDb);

// Each race runs real transactions side by side on PostgreSQL, as candidates and a lead pressing
// buttons at the same moment would. The app's pool has 10 connections: every round stays within it.

/** Anything but a clear domain error (a deadlock, a unique-index violation) is what a person would see as a 500. */
function serverErrors(results: PromiseSettledResult<unknown>[]) {
  return results
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .filter((r) => !(r.reason instanceof WorkshopError))
    .map((r) => String((r.reason as Error).message));
}

/** Live bookings and seat holds per workshop, bookings per application: what capacity and "one place each" are about. */
async function liveCounts(orgId: string) {
  return withOrg(getDb(), orgId, async (trx) => {
    const bookings = await trx
      .selectFrom("workshopBookings")
      .select(["workshopId", "applicationId"])
      .where("status", "=", "booked")
      .execute();
    const holds = await trx
      .selectFrom("workshopWaitlist")
      .select("workshopId")
      .where("status", "=", "offered")
      .where("offerExpiresAt", ">", new Date())
      .execute();
    const workshops = await trx.selectFrom("workshops").select(["id", "capacity"]).execute();
    const count = (rows: { workshopId: string; applicationId?: string }[], key: "workshopId" | "applicationId", id: string) =>
      rows.filter((r) => r[key] === id).length;
    return {
      // A seat held for someone on the waiting list is as taken as a booked one.
      overCapacity: workshops.filter((w) => count(bookings, "workshopId", w.id) + count(holds, "workshopId", w.id) > w.capacity),
      perApplication: (id: string) => count(bookings, "applicationId", id),
      perWorkshop: (id: string) => count(bookings, "workshopId", id),
    };
  });
}

describe("the seat rules under concurrent use", () => {
  it("a lead merging a date while the people on it cancel: no errors but clear ones, and no date over capacity", async () => {
    for (let round = 0; round < 5; round++) {
      const org = await insertOrg();
      const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) => runInOrg(org.orgId, work);
      const from = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 5 });
      const into = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 12, capacity: 9 });
      const leaving = await insertInvitedApplications(org.orgId, org.vacancyId, 5);
      const [staying, staying2, cancelled, ...waiting] = await insertInvitedApplications(org.orgId, org.vacancyId, 5);
      for (const p of leaving) await run((ctx) => bookSeat(ctx, { ...p, workshopId: from, adjustments: "" }));
      for (const p of [staying, staying2, cancelled]) await run((ctx) => bookSeat(ctx, { ...p, workshopId: into, adjustments: "" }));
      for (const p of waiting)
        await run((ctx) => joinWaitlist(ctx, { workshopId: into, applicationId: p.applicationId, candidateId: p.candidateId }));
      // The cancel frees seats on the date merged into, held for both people waiting: 2 booked + 2 held leaves exactly 5.
      await run((ctx) => cancelBooking(ctx, cancelled.applicationId, cancelled.candidateId));

      // The merge starts in the middle of the cancels, so some are under way before it and some after.
      const cancel = (p: (typeof leaving)[number]) => run((ctx) => cancelBooking(ctx, p.applicationId, p.candidateId));
      const results = await Promise.allSettled([
        ...leaving.slice(0, 2).map(cancel),
        run((ctx) => mergeWorkshop(ctx, from, into)),
        ...leaving.slice(2).map(cancel),
      ]);

      expect(serverErrors(results)).toEqual([]);
      // Each cancel lands either before the merge or after it (on the new date): all of them go through.
      expect(results.map((r) => r.status)).toEqual(Array(6).fill("fulfilled"));
      const counts = await liveCounts(org.orgId);
      expect(counts.overCapacity).toEqual([]);
      for (const p of leaving) expect(counts.perApplication(p.applicationId)).toBe(0);
      expect(counts.perWorkshop(from)).toBe(0);
    }
  });

  it("a cancel and a change of date sent from two tabs at once: both answer, and the person ends with at most one place", async () => {
    const org = await insertOrg();
    const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) => runInOrg(org.orgId, work);
    const first = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 5 });
    const second = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 12 });
    const people = await insertInvitedApplications(org.orgId, org.vacancyId, 4);
    const failures: string[] = [];
    for (let round = 0; round < 8; round++) {
      const [fromId, toId] = round % 2 === 0 ? [first, second] : [second, first];
      for (const p of people) await run((ctx) => bookSeat(ctx, { ...p, workshopId: fromId, adjustments: "" }));
      const results = await Promise.allSettled(
        people.flatMap((p) => [
          run((ctx) => cancelBooking(ctx, p.applicationId, p.candidateId)),
          run((ctx) => bookSeat(ctx, { ...p, workshopId: toId, adjustments: "" })),
        ]),
      );
      failures.push(...serverErrors(results));
      const counts = await liveCounts(org.orgId);
      for (const p of people) expect(counts.perApplication(p.applicationId)).toBeLessThanOrEqual(1);
      // The next round starts from a clean slate: whoever still has a place gives it up.
      for (const p of people) {
        if (counts.perApplication(p.applicationId)) await run((ctx) => cancelBooking(ctx, p.applicationId, p.candidateId));
      }
    }
    expect(failures).toEqual([]);
  });

  it("a person booking the seat held for them just as the hold runs out: both answer, and the seat is theirs", async () => {
    const failures: string[] = [];
    for (let round = 0; round < 4; round++) {
      const org = await insertOrg();
      const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) => runInOrg(org.orgId, work);
      const held = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const workshopId = await insertWorkshop(org.orgId, org.teamId, { capacity: 1 });
          const [leaving, waiting] = await insertInvitedApplications(org.orgId, org.vacancyId, 2);
          await run((ctx) => bookSeat(ctx, { ...leaving, workshopId, adjustments: "" }));
          await run((ctx) => joinWaitlist(ctx, { workshopId, applicationId: waiting.applicationId, candidateId: waiting.candidateId }));
          const { seatHolds } = await run((ctx) => cancelBooking(ctx, leaving.applicationId, leaving.candidateId));
          return { workshopId, waiting, hold: seatHolds[0] };
        }),
      );
      const results = await Promise.allSettled(
        held.flatMap(({ workshopId, waiting, hold }) => [
          run((ctx) => bookSeat(ctx, { ...waiting, workshopId, adjustments: "" })),
          run((ctx) => expireSeatHold(ctx, hold.entryId, new Date(hold.expiresAt.getTime() + 1000))),
        ]),
      );
      failures.push(...serverErrors(results));
      expect(results.map((r) => r.status)).toEqual(Array(8).fill("fulfilled"));
      const counts = await liveCounts(org.orgId);
      for (const { waiting } of held) expect(counts.perApplication(waiting.applicationId)).toBe(1);
    }
    expect(failures).toEqual([]);
  });

  it("a booking submitted twice at once answers both times as a single one does", async () => {
    for (let round = 0; round < 3; round++) {
      const org = await insertOrg();
      const workshopId = await insertWorkshop(org.orgId, org.teamId);
      const people = await insertInvitedApplications(org.orgId, org.vacancyId, 4);
      const cookies = await Promise.all(people.map((p) => candidateCookie(org.orgId, p.candidateId)));
      const submit = async (index: number) => {
        const p = people[index];
        const request = new Request(`http://localhost/me/workshop/${p.applicationId}`, {
          method: "POST",
          headers: { Cookie: cookies[index] },
          body: new URLSearchParams({ intent: "book", workshopId, adjustments: "A quiet room" }),
        });
        try {
          const response = (await bookingAction({ request, params: { applicationId: p.applicationId }, context: {} })) as Response;
          return { status: response.status, location: response.headers.get("Location") };
        } catch (error) {
          return { status: 500, location: (error as Error).message };
        }
      };
      const answers = await Promise.all(people.flatMap((_, i) => [submit(i), submit(i)]));
      expect(answers).toEqual(people.flatMap((p) => Array(2).fill({ status: 302, location: `/me/workshop/${p.applicationId}?booked=1` })));
      const live = await withOrg(getDb(), org.orgId, (trx) =>
        trx
          .selectFrom("workshopBookings")
          .select(sql<number>`count(*)::int`.as("n"))
          .where("workshopId", "=", workshopId)
          .where("status", "=", "booked")
          .executeTakeFirstOrThrow(),
      );
      expect(live.n).toBe(people.length);
    }
  });
});
