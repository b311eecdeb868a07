import { sql } from "kysely";
import type { DB } from "#db/client.js";
import { findOwnApplication } from "#db/queries/applications.js";
import { isWorkshopForApplication } from "#db/queries/workshops.js";
import type { OrgRunner, UseCaseContext, WaitlistOfferJob } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { freeSeatsOn, type LockedWorkshop, lockSeats } from "./seats.server.js";
import { otherTeamError } from "./workshop.errors.js";

/**
 * Waiting list and seat holds. When a seat frees up, the first person waiting is offered it and the
 * seat is held for them (a seat hold: their entry is 'offered' until `offerExpiresAt`). Held seats
 * count as taken for everyone else (see `countFreeSeats`).
 */
/** How long a freed seat is held for the person offered it. */
export const SEAT_HOLD_HOURS = 24;

/** A seat held for someone from the waiting list (its offer email and expiry job are recorded on `after`). */
export type SeatHold = { entryId: string; expiresAt: Date };

/**
 * A candidate joins the waiting list of a full workshop (joining again is a no-op): only for their
 * own application at the workshop step, and only for a workshop for their vacancy's team.
 */
export async function joinWaitlist(
  { trx }: UseCaseContext,
  { workshopId, applicationId, candidateId }: { workshopId: string; applicationId: string; candidateId: string },
) {
  const own = await findOwnApplication(trx, applicationId, candidateId);
  if (own?.stage !== "workshop") return;
  if (!(await isWorkshopForApplication(trx, workshopId, applicationId))) throw otherTeamError();
  await trx
    .insertInto("workshopWaitlist")
    .values({ workshopId, applicationId })
    .onConflict((oc) => oc.columns(["workshopId", "applicationId"]).where("status", "in", ["waiting", "offered"]).doNothing())
    .execute();
}

export async function leaveWaitlist({ trx }: UseCaseContext, workshopId: string, applicationId: string) {
  await trx
    .updateTable("workshopWaitlist")
    .set({ status: "left" })
    .where("workshopId", "=", workshopId)
    .where("applicationId", "=", applicationId)
    .where("status", "in", ["waiting", "offered"])
    .execute();
}

/** The delayed job that passes a seat hold on if it is not taken in time (stable id per entry). */
export const seatHoldExpiryJob = (orgId: string, entryId: string, expiresAt: Date) => ({
  name: "expire-waitlist-offer" as const,
  data: { orgId, entryId } satisfies WaitlistOfferJob,
  jobId: `waitlist-offer-${entryId}`,
  dueAt: expiresAt,
});

/**
 * Holds each free seat of a (locked) workshop for the next person waiting, for 24 hours or until
 * the start, emails them the offer and plans the hold's expiry. Returns the seat holds made.
 */
export async function holdFreedSeats(ctx: UseCaseContext, workshop: LockedWorkshop): Promise<SeatHold[]> {
  const { trx } = ctx;
  if (workshop.status !== "scheduled" || workshop.startsAt <= new Date()) return [];
  const holds: SeatHold[] = [];
  for (let free = await freeSeatsOn(trx, workshop); free > 0; free--) {
    const next = await trx
      .selectFrom("workshopWaitlist")
      .select("id")
      .where("workshopId", "=", workshop.id)
      .where("status", "=", "waiting")
      .orderBy("joinedAt")
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!next) break;
    const expiresAt = new Date(Math.min(Date.now() + SEAT_HOLD_HOURS * 3_600_000, workshop.startsAt.getTime()));
    const held = await trx
      .updateTable("workshopWaitlist")
      .set({ status: "offered", offeredAt: sql`now()`, offerExpiresAt: expiresAt })
      .where("id", "=", next.id)
      .returning("orgId")
      .executeTakeFirstOrThrow();
    await sendAfterCommit(ctx, { kind: "waitlist-offer", entryId: next.id });
    ctx.after.addJobs([seatHoldExpiryJob(held.orgId, next.id, expiresAt)]);
    holds.push({ entryId: next.id, expiresAt });
  }
  return holds;
}

/** A seat hold ran out: it expires and the seat is held for the next person waiting. */
export async function expireSeatHold(ctx: UseCaseContext, entryId: string, now = new Date()): Promise<SeatHold[]> {
  const { trx } = ctx;
  const entry = await trx.selectFrom("workshopWaitlist").select("workshopId").where("id", "=", entryId).executeTakeFirst();
  if (!entry) return [];
  // The workshop first, as everywhere (lockSeats), then the entry: booking a held seat takes them in that order too.
  const { workshops } = await lockSeats(trx, { workshopIds: [entry.workshopId] });
  const workshop = workshops.get(entry.workshopId);
  const hold = await trx
    .selectFrom("workshopWaitlist")
    .select(["status", "offerExpiresAt"])
    .where("id", "=", entryId)
    .forUpdate()
    .executeTakeFirst();
  if (!workshop || hold?.status !== "offered" || !hold.offerExpiresAt || new Date(hold.offerExpiresAt) > now) return [];
  await trx.updateTable("workshopWaitlist").set({ status: "expired" }).where("id", "=", entryId).execute();
  return holdFreedSeats(ctx, workshop);
}

/**
 * The sweep: seat holds past their expiry whose expiry job Redis lost. Each passes on to the next
 * person waiting exactly as the job would have (expireSeatHold re-checks under the lock, so a job
 * and the sweep racing pass the seat on once). Returns how many seats were held for someone new.
 */
export async function sweepSeatHolds(db: DB, run: OrgRunner, now = new Date()) {
  const { rows } = await sql<{ orgId: string; entryId: string }>`select * from overdue_seat_holds(${500})`.execute(db);
  let passedOn = 0;
  for (const row of rows) passedOn += (await run(row.orgId, (ctx) => expireSeatHold(ctx, row.entryId, now))).length;
  return passedOn;
}

/** The person booked: their waiting-list entry, and any seat held for them, is done with. */
export async function acceptSeatHold({ trx }: UseCaseContext, workshopId: string, applicationId: string) {
  await trx
    .updateTable("workshopWaitlist")
    .set({ status: "accepted" })
    .where("workshopId", "=", workshopId)
    .where("applicationId", "=", applicationId)
    .where("status", "in", ["waiting", "offered"])
    .execute();
}
