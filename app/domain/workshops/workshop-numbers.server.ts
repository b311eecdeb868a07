import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { addToOutbox, addToOutboxOnce, type OutboxRef } from "../email/outbox.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";
import { WorkshopError } from "./workshop.errors.js";
import { listUsersWithRoles } from "#db/queries/users.js";
import { listLiveBookingsOnWorkshop } from "#db/queries/workshops.js";
import { freeSeatsOn, lockSeats } from "./seats.server.js";

const LOOK_AHEAD_HOURS = 48;

const liveBookings = (trx: Tx, workshopId: string) =>
  trx
    .selectFrom("workshopBookings")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("workshopId", "=", workshopId)
    .where("status", "=", "booked")
    .executeTakeFirstOrThrow()
    .then((r) => r.n);

/** Within 48 hours of the start and below the organisation's minimum (the rule the alert and the page share). */
export function isBelowMinimum(workshop: { status: string; startsAt: Date | string }, booked: number, minimum: number, now = new Date()) {
  const startsAt = new Date(workshop.startsAt).getTime();
  return (
    workshop.status === "scheduled" &&
    startsAt > now.getTime() &&
    startsAt - now.getTime() <= LOOK_AHEAD_HOURS * 3_600_000 &&
    booked < minimum
  );
}

/**
 * 48 hours before a workshop, below the organisation's minimum number of attendees: each lead is
 * told once (in the app the workshop page says so too) and can merge it into another date.
 */
export async function checkWorkshopNumbers(trx: Tx, workshopId: string, now = new Date()): Promise<OutboxRef[]> {
  const workshop = await trx
    .selectFrom("workshops")
    .select(["id", "startsAt", "status", "lowNumbersAlertedAt"])
    .where("id", "=", workshopId)
    .executeTakeFirst();
  if (!workshop || workshop.lowNumbersAlertedAt) return [];
  const { workshopMinAttendees } = await getOrgSettings(trx);
  if (!isBelowMinimum(workshop, await liveBookings(trx, workshopId), workshopMinAttendees, now)) return [];
  await trx.updateTable("workshops").set({ lowNumbersAlertedAt: sql`now()` }).where("id", "=", workshopId).execute();
  const leads = await listUsersWithRoles(trx, ["lead", "admin"]);
  const refs: OutboxRef[] = [];
  for (const lead of leads) {
    const ref = await addToOutboxOnce(trx, `workshop-low-${workshopId}-${lead.id}`, {
      kind: "workshop-low-numbers",
      workshopId,
      userId: lead.id,
    });
    if (ref) refs.push(ref);
  }
  return refs;
}

export async function sweepWorkshopNumbers(db: DB, now = new Date()): Promise<OutboxRef[]> {
  const { rows } = await sql<{ orgId: string; workshopId: string }>`select * from workshops_due_numbers_check(${500})`.execute(db);
  const refs: OutboxRef[] = [];
  for (const row of rows) refs.push(...(await withOrg(db, row.orgId, (trx) => checkWorkshopNumbers(trx, row.workshopId, now))));
  return refs;
}

/**
 * Moves every booking of a workshop to another date and cancels the first: each person gets an
 * email with the updated calendar entry (same UID, next sequence). Refused if the other date
 * cannot seat everyone: its free seats (`countFreeSeats`) leave out seats held for its waiting list.
 */
export async function mergeWorkshop(trx: Tx, fromId: string, intoId: string) {
  if (fromId === intoId) throw new WorkshopError("not_found", "Choose a different date to merge into.");
  // The people booked on the date being emptied are locked first, like any seat change (lockSeats).
  const booked = await listLiveBookingsOnWorkshop(trx, fromId);
  const { workshops } = await lockSeats(trx, { applicationIds: booked.map((b) => b.applicationId), workshopIds: [fromId, intoId] });
  const from = workshops.get(fromId);
  const into = workshops.get(intoId);
  if (from?.status !== "scheduled" || into?.status !== "scheduled" || into.startsAt <= new Date()) {
    throw new WorkshopError("not_found", "Choose an upcoming workshop to merge into.");
  }
  // Read again now the date is locked: nobody can book onto it or leave it any more.
  const moving = await listLiveBookingsOnWorkshop(trx, fromId);
  if (moving.length > (await freeSeatsOn(trx, into))) {
    throw new WorkshopError("full", `That date does not have room for all ${moving.length} people. Choose another.`);
  }
  const emails: OutboxRef[] = [];
  const moved: { bookingId: string; previousBookingId: string }[] = [];
  for (const booking of moving) {
    await trx.updateTable("workshopBookings").set({ status: "cancelled", cancelledAt: sql`now()` }).where("id", "=", booking.id).execute();
    const created = await trx
      .insertInto("workshopBookings")
      .values({
        workshopId: intoId,
        applicationId: booking.applicationId,
        adjustments: booking.adjustments,
        sequence: booking.sequence + 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    emails.push(await addToOutbox(trx, { kind: "workshop-booked", bookingId: created.id }));
    moved.push({ bookingId: created.id, previousBookingId: booking.id });
  }
  await trx.updateTable("workshops").set({ status: "cancelled" }).where("id", "=", fromId).execute();
  return { emails, moved, startsAt: into.startsAt };
}
