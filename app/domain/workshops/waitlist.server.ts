import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { scheduleReminderJobs } from "#jobs/queues.js";
import { addToOutbox, type OutboxRef } from "../email/outbox.server.js";
import { WorkshopError } from "./workshop.errors.js";
import { getLogger } from "#app/utils/logger.server.js";

/** How long a freed seat is held for the person offered it. */
export const OFFER_HOURS = 24;

export type Offer = { entryId: string; expiresAt: Date; email: OutboxRef };

/** Seats neither booked nor held for someone on the waiting list. Call with the workshop row locked. */
export async function seatsFree(trx: Tx, workshopId: string, capacity: number, exceptApplicationId?: string) {
  const { taken } = await trx
    .selectFrom("workshopBookings")
    .select(sql<number>`count(*)::int`.as("taken"))
    .where("workshopId", "=", workshopId)
    .where("status", "=", "booked")
    .executeTakeFirstOrThrow();
  let held = trx
    .selectFrom("workshopWaitlist")
    .select(sql<number>`count(*)::int`.as("held"))
    .where("workshopId", "=", workshopId)
    .where("status", "=", "offered")
    .where("offerExpiresAt", ">", new Date());
  if (exceptApplicationId) held = held.where("applicationId", "!=", exceptApplicationId);
  return capacity - taken - (await held.executeTakeFirstOrThrow()).held;
}

/** Joins the waiting list of a full workshop (again joining is a no-op). */
export async function joinWaitlist(trx: Tx, workshopId: string, applicationId: string) {
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
 * When a seat frees up, the first person waiting is offered it for 24 hours (the seat is held
 * for them meanwhile). Returns the offers made, whose expiry jobs the caller schedules.
 */
export async function offerFreedSeats(trx: Tx, workshopId: string): Promise<Offer[]> {
  const workshop = await trx
    .selectFrom("workshops")
    .select(["id", "capacity", "startsAt", "status"])
    .where("id", "=", workshopId)
    .forUpdate()
    .executeTakeFirst();
  if (workshop?.status !== "scheduled" || new Date(workshop.startsAt) <= new Date()) return [];
  const offers: Offer[] = [];
  for (let free = await seatsFree(trx, workshopId, workshop.capacity); free > 0; free--) {
    const next = await trx
      .selectFrom("workshopWaitlist")
      .select("id")
      .where("workshopId", "=", workshopId)
      .where("status", "=", "waiting")
      .orderBy("joinedAt")
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!next) break;
    const expiresAt = new Date(Math.min(Date.now() + OFFER_HOURS * 3_600_000, new Date(workshop.startsAt).getTime()));
    await trx
      .updateTable("workshopWaitlist")
      .set({ status: "offered", offeredAt: sql`now()`, offerExpiresAt: expiresAt })
      .where("id", "=", next.id)
      .execute();
    offers.push({ entryId: next.id, expiresAt, email: await addToOutbox(trx, { kind: "waitlist-offer", entryId: next.id }) });
  }
  return offers;
}

/** An offer ran out: it expires and the seat goes to the next person waiting. */
export async function expireOffer(trx: Tx, entryId: string, now = new Date()): Promise<Offer[]> {
  const entry = await trx
    .selectFrom("workshopWaitlist")
    .select(["workshopId", "status", "offerExpiresAt"])
    .where("id", "=", entryId)
    .forUpdate()
    .executeTakeFirst();
  if (entry?.status !== "offered" || !entry.offerExpiresAt || new Date(entry.offerExpiresAt) > now) return [];
  await trx.updateTable("workshopWaitlist").set({ status: "expired" }).where("id", "=", entryId).execute();
  return offerFreedSeats(trx, entry.workshopId);
}

/** Marks a held seat as taken when its holder books it. */
export async function acceptOffer(trx: Tx, workshopId: string, applicationId: string) {
  await trx
    .updateTable("workshopWaitlist")
    .set({ status: "accepted" })
    .where("workshopId", "=", workshopId)
    .where("applicationId", "=", applicationId)
    .where("status", "in", ["waiting", "offered"])
    .execute();
}

export function assertNotFull(free: number) {
  if (free <= 0) throw new WorkshopError("full", "Sorry, that workshop is now full. Please choose another date.");
}

/** Each offer's expiry as a delayed job with a stable id (best effort: the offer also carries its expiry time). */
export async function scheduleOfferExpiries(orgId: string, offers: Offer[]) {
  if (!offers.length) return;
  try {
    await scheduleReminderJobs(
      offers.map((o) => ({
        name: "expire-waitlist-offer",
        data: { orgId, entryId: o.entryId },
        jobId: `waitlist-offer-${o.entryId}`,
        dueAt: o.expiresAt,
      })),
    );
  } catch (error) {
    getLogger().warn({ err: error }, "waitlist offer expiries not scheduled now");
  }
}
