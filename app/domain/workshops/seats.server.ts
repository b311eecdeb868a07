import type { Tx } from "#db/client.js";
import { countFreeSeats, listLiveBookingsForApplications, lockApplicationsForSeats, lockWorkshopsById } from "#db/queries/workshops.js";
import { WorkshopError } from "./workshop.errors.js";

/** A workshop row this transaction holds the lock on: only `lockSeats` hands these out. */
export type LockedWorkshop = { id: string; capacity: number; startsAt: Date; status: "scheduled" | "cancelled"; readonly locked: true };

export type LiveBooking = { id: string; applicationId: string; workshopId: string; sequence: number; adjustments: string };

/**
 * The one way to lock seats. Booking, cancelling, changing date, seat holds for the waiting list and
 * merging all come through here, so they take their locks in one order and cannot deadlock:
 *
 *   1. the applications whose bookings change, in id order: a person's own actions (two tabs, a
 *      double-submitted form) queue here, and each then reads the booking the one before left;
 *   2. the workshops involved, in id order: the ones asked for and the ones those people are
 *      booked on now. Seats are counted only with these held, so no workshop is ever overbooked;
 *   3. only then booking and waiting-list rows (updates, inserts, `FOR UPDATE` on an entry).
 *
 * A merge locks the people booked on the date it empties before the workshops. Someone who booked
 * that date in the moment between the merge reading its list and taking the lock can still be
 * moved without their lock: their own action then finds its booking on a workshop it does not
 * hold and is refused with a clear "changed" error rather than acting on a booking that has gone.
 */
export async function lockSeats(
  trx: Tx,
  { applicationIds = [], workshopIds = [] }: { applicationIds?: string[]; workshopIds?: string[] },
): Promise<{ workshops: Map<string, LockedWorkshop>; bookings: LiveBooking[] }> {
  const people = [...new Set(applicationIds)];
  let bookings: LiveBooking[] = [];
  if (people.length) {
    await lockApplicationsForSeats(trx, people);
    bookings = await listLiveBookingsForApplications(trx, people);
  }
  const ids = [...new Set([...workshopIds, ...bookings.map((b) => b.workshopId)])];
  const rows = ids.length ? await lockWorkshopsById(trx, ids) : [];
  const workshops = new Map(rows.map((w) => [w.id, { ...w, startsAt: new Date(w.startsAt), locked: true as const }]));
  if (people.length) {
    // Read again in a new statement: it sees whatever the previous holder of a workshop lock committed.
    bookings = await listLiveBookingsForApplications(trx, people);
    if (bookings.some((b) => !workshops.has(b.workshopId))) {
      throw new WorkshopError(
        "changed",
        "That booking changed at the same moment (perhaps in another window). Please check it and try again.",
      );
    }
  }
  return { workshops, bookings };
}

/** Free seats on a locked workshop (seats held for the waiting list count as taken, except one held for `forApplicationId`). */
export function freeSeatsOn(trx: Tx, workshop: LockedWorkshop, forApplicationId?: string) {
  return countFreeSeats(trx, workshop.id, forApplicationId);
}
