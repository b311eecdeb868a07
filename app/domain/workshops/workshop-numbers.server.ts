import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import type { OrgRunner, UseCaseContext } from "../after-commit.js";
import { sendAfterCommit, sendOnceAfterCommit } from "../email/outbox.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";
import { WorkshopError } from "./workshop.errors.js";
import { listUsersWithRoles } from "#db/queries/users.js";
import { listLiveBookingsOnWorkshop } from "#db/queries/workshops.js";
import { freeSeatsOn, lockSeats } from "./seats.server.js";
import { cancelWorkshopReminders, scheduleWorkshopReminders } from "./workshop-reminders.server.js";

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
 * Returns how many leads were emailed.
 */
export async function checkWorkshopNumbers(ctx: UseCaseContext, workshopId: string, now = new Date()): Promise<number> {
  const { trx } = ctx;
  const workshop = await trx
    .selectFrom("workshops")
    .select(["id", "startsAt", "status", "lowNumbersAlertedAt"])
    .where("id", "=", workshopId)
    .executeTakeFirst();
  if (!workshop || workshop.lowNumbersAlertedAt) return 0;
  const { workshopMinAttendees } = await getOrgSettings(trx);
  if (!isBelowMinimum(workshop, await liveBookings(trx, workshopId), workshopMinAttendees, now)) return 0;
  await trx.updateTable("workshops").set({ lowNumbersAlertedAt: sql`now()` }).where("id", "=", workshopId).execute();
  const leads = await listUsersWithRoles(trx, ["lead", "admin"]);
  let emailed = 0;
  for (const lead of leads) {
    const message = { kind: "workshop-low-numbers", workshopId, userId: lead.id } as const;
    if (await sendOnceAfterCommit(ctx, `workshop-low-${workshopId}-${lead.id}`, message)) emailed++;
  }
  return emailed;
}

/** The sweep: workshops starting within 48 hours to check against their minimum. Returns how many emails it queued. */
export async function sweepWorkshopNumbers(db: DB, run: OrgRunner, now = new Date()) {
  const { rows } = await sql<{ orgId: string; workshopId: string }>`select * from workshops_due_numbers_check(${500})`.execute(db);
  let emailed = 0;
  for (const row of rows) emailed += await run(row.orgId, (ctx) => checkWorkshopNumbers(ctx, row.workshopId, now));
  return emailed;
}

/**
 * Moves every booking of a workshop to another date and cancels the first: each person gets an
 * email with the updated calendar entry (same UID, next sequence). Refused if the other date
 * cannot seat everyone: its free seats (`countFreeSeats`) leave out seats held for its waiting list.
 * The moved bookings' reminders are planned again after the commit.
 */
export async function mergeWorkshop(ctx: UseCaseContext, fromId: string, intoId: string) {
  const { trx } = ctx;
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
      .returning(["id", "orgId"])
      .executeTakeFirstOrThrow();
    await sendAfterCommit(ctx, { kind: "workshop-booked", bookingId: created.id });
    cancelWorkshopReminders(ctx, booking.id);
    scheduleWorkshopReminders(ctx, created, into.startsAt);
    moved.push({ bookingId: created.id, previousBookingId: booking.id });
  }
  await trx.updateTable("workshops").set({ status: "cancelled" }).where("id", "=", fromId).execute();
  return { moved, startsAt: into.startsAt };
}
