import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { isWorkshopForApplication } from "#db/queries/workshops.js";
import { scheduleReminderJobs } from "#jobs/queues.js";
import { addToOutbox, type OutboxRef } from "../email/outbox.server.js";
import { freeSeatsOn, type LockedWorkshop, lockSeats } from "./seats.server.js";
import { otherTeamError } from "./workshop.errors.js";

/**
 * Waiting list and seat holds. When a seat frees up, the first person waiting is offered it and the
 * seat is held for them (a seat hold: their entry is 'offered' until `offerExpiresAt`). Held seats
 * count as taken for everyone else (see `countFreeSeats`).
 */
import { getLogger } from "#app/utils/logger.server.js";

/** How long a freed seat is held for the person offered it. */
export const SEAT_HOLD_HOURS = 24;

/** A seat held for someone from the waiting list, with the email offering it; the caller schedules its expiry. */
export type SeatHold = { entryId: string; expiresAt: Date; email: OutboxRef };

/** Joins the waiting list of a full workshop (again joining is a no-op); only for a workshop for the person's team. */
export async function joinWaitlist(trx: Tx, workshopId: string, applicationId: string) {
  if (!(await isWorkshopForApplication(trx, workshopId, applicationId))) throw otherTeamError();
  await trx
    .insertInto("workshopWaitlist")
    .values({ workshopId, applicationId })
    .onConflict((oc) => oc.columns(["workshopId", "applicationId"]).where("status", "in", ["waiting", "offered"]).doNothing())
    .execute();
}

export async function leaveWaitlist(trx: Tx, workshopId: string, applicationId: string) {
  await trx
    .updateTable("workshopWaitlist")
    .set({ status: "left" })
    .where("workshopId", "=", workshopId)
    .where("applicationId", "=", applicationId)
    .where("status", "in", ["waiting", "offered"])
    .execute();
}

/**
 * Holds each free seat of a (locked) workshop for the next person waiting, for 24 hours or until
 * the start, and emails them the offer. Returns the seat holds made.
 */
export async function holdFreedSeats(trx: Tx, workshop: LockedWorkshop): Promise<SeatHold[]> {
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
    await trx
      .updateTable("workshopWaitlist")
      .set({ status: "offered", offeredAt: sql`now()`, offerExpiresAt: expiresAt })
      .where("id", "=", next.id)
      .execute();
    holds.push({ entryId: next.id, expiresAt, email: await addToOutbox(trx, { kind: "waitlist-offer", entryId: next.id }) });
  }
  return holds;
}

/** A seat hold ran out: it expires and the seat is held for the next person waiting. */
export async function expireSeatHold(trx: Tx, entryId: string, now = new Date()): Promise<SeatHold[]> {
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
  return holdFreedSeats(trx, workshop);
}

/**
 * The sweep: seat holds past their expiry whose expiry job Redis lost. Each passes on to the next
 * person waiting exactly as the job would have (expireSeatHold re-checks under the lock, so a job
 * and the sweep racing pass the seat on once). Returns the new holds per organisation.
 */
export async function sweepSeatHolds(db: DB, now = new Date()) {
  const { rows } = await sql<{ orgId: string; entryId: string }>`select * from overdue_seat_holds(${500})`.execute(db);
  const passedOn: { orgId: string; holds: SeatHold[] }[] = [];
  for (const row of rows) {
    const holds = await withOrg(db, row.orgId, (trx) => expireSeatHold(trx, row.entryId, now));
    if (holds.length) passedOn.push({ orgId: row.orgId, holds });
  }
  return passedOn;
}

/** The person booked: their waiting-list entry, and any seat held for them, is done with. */
export async function acceptSeatHold(trx: Tx, workshopId: string, applicationId: string) {
  await trx
    .updateTable("workshopWaitlist")
    .set({ status: "accepted" })
    .where("workshopId", "=", workshopId)
    .where("applicationId", "=", applicationId)
    .where("status", "in", ["waiting", "offered"])
    .execute();
}

/** Each seat hold's expiry as a delayed job with a stable id (best effort: the hold also carries its expiry time). */
export async function scheduleSeatHoldExpiries(orgId: string, holds: SeatHold[]) {
  if (!holds.length) return;
  try {
    await scheduleReminderJobs(
      holds.map((h) => ({
        name: "expire-waitlist-offer",
        data: { orgId, entryId: h.entryId },
        jobId: `waitlist-offer-${h.entryId}`,
        dueAt: h.expiresAt,
      })),
    );
  } catch (error) {
    getLogger().warn({ err: error }, "seat hold expiries not scheduled now");
  }
}

// The expire-waitlist-offer job processor (jobs/, changed separately) still imports the earlier names.
export const expireOffer = expireSeatHold;
export const scheduleOfferExpiries = scheduleSeatHoldExpiries;
