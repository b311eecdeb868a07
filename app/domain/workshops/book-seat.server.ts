import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { addToOutbox, type OutboxRef } from "../email/outbox.server.js";
import { WorkshopError } from "./workshop.errors.js";
import { acceptOffer, assertNotFull, type Offer, offerFreedSeats, seatsFree } from "./waitlist.server.js";
import { BOOKING_CUTOFF_HOURS } from "./workshop.schema.js";

export type BookingRequest = { applicationId: string; candidateId: string; workshopId: string; adjustments: string };

async function findInvitedApplication(trx: Tx, applicationId: string, candidateId: string) {
  const application = await trx
    .selectFrom("applications")
    .select(["id", "stage", "vacancyId"])
    .where("id", "=", applicationId)
    .where("candidateId", "=", candidateId)
    .executeTakeFirst();
  if (!application) throw new WorkshopError("not_found", "We could not find that application.");
  if (application.stage !== "workshop") throw new WorkshopError("not_invited", "This application is not at the workshop step.");
  return application;
}

const cutoff = () => new Date(Date.now() + BOOKING_CUTOFF_HOURS * 3_600_000);

/**
 * Books a seat, or moves an existing booking to another date. No overbooking, ever: the workshop
 * row is locked (FOR UPDATE) while its seats are counted and the booking is written, so
 * concurrent bookings for the same workshop queue up and the one that finds it full is refused.
 */
export type BookingResult = {
  bookingId: string;
  email: OutboxRef;
  moved: boolean;
  startsAt: Date;
  previousBookingId: string | null;
  /** Seats offered to people waiting, after this booking freed one. */
  offers: Offer[];
};

export async function bookSeat(trx: Tx, request: BookingRequest): Promise<BookingResult> {
  await findInvitedApplication(trx, request.applicationId, request.candidateId);
  const current = await trx
    .selectFrom("workshopBookings")
    .select(["id", "workshopId", "sequence"])
    .where("applicationId", "=", request.applicationId)
    .where("status", "=", "booked")
    .executeTakeFirst();
  // A change of date touches two workshops (the old seat goes to the waiting list): lock both,
  // always in id order, so two people swapping dates in opposite directions cannot deadlock.
  const locked = await trx
    .selectFrom("workshops")
    .select(["id", "capacity", "startsAt", "status"])
    .where("id", "in", current ? [request.workshopId, current.workshopId] : [request.workshopId])
    .orderBy("id")
    .forUpdate()
    .execute();
  const workshop = locked.find((w) => w.id === request.workshopId);
  if (workshop?.status !== "scheduled") throw new WorkshopError("not_found", "We could not find that workshop.");
  if (new Date(workshop.startsAt) < cutoff()) {
    throw new WorkshopError("too_late", `That workshop starts in less than ${BOOKING_CUTOFF_HOURS} hours. Please choose a later date.`);
  }
  if (current?.workshopId === request.workshopId) {
    await trx.updateTable("workshopBookings").set({ adjustments: request.adjustments }).where("id", "=", current.id).execute();
    const email = await addToOutbox(trx, { kind: "workshop-booked", bookingId: current.id });
    return { bookingId: current.id, email, moved: false, startsAt: new Date(workshop.startsAt), previousBookingId: null, offers: [] };
  }

  // Seats held for people offered them from the waiting list count as taken, except one held for this person.
  assertNotFull(await seatsFree(trx, workshop.id, workshop.capacity, request.applicationId));

  // A change of date keeps one calendar event: the new booking carries on the old one's sequence.
  let sequence = 0;
  if (current) {
    await trx.updateTable("workshopBookings").set({ status: "cancelled", cancelledAt: sql`now()` }).where("id", "=", current.id).execute();
    sequence = current.sequence + 1;
  }
  const booking = await trx
    .insertInto("workshopBookings")
    .values({ workshopId: workshop.id, applicationId: request.applicationId, adjustments: request.adjustments, sequence })
    .returning("id")
    .executeTakeFirstOrThrow();
  await acceptOffer(trx, workshop.id, request.applicationId);
  const email = await addToOutbox(trx, { kind: "workshop-booked", bookingId: booking.id });
  // The seat given up on the old date goes to the first person waiting for it.
  const offers = current ? await offerFreedSeats(trx, current.workshopId) : [];
  return {
    offers,
    bookingId: booking.id,
    email,
    moved: Boolean(current),
    startsAt: new Date(workshop.startsAt),
    previousBookingId: current?.id ?? null,
  };
}

/** Gives the seat back; the calendar invite is cancelled by the email this sends. */
export async function cancelBooking(
  trx: Tx,
  applicationId: string,
  candidateId: string,
): Promise<{ bookingId: string; email: OutboxRef; offers: Offer[] }> {
  await findInvitedApplication(trx, applicationId, candidateId);
  const current = await trx
    .selectFrom("workshopBookings")
    .innerJoin("workshops", "workshops.id", "workshopBookings.workshopId")
    .select(["workshopBookings.id", "workshopBookings.workshopId", "workshops.startsAt"])
    .where("workshopBookings.applicationId", "=", applicationId)
    .where("workshopBookings.status", "=", "booked")
    .executeTakeFirst();
  if (!current) throw new WorkshopError("not_found", "You do not have a workshop booked.");
  if (new Date(current.startsAt) < cutoff()) {
    throw new WorkshopError("too_late", `It is less than ${BOOKING_CUTOFF_HOURS} hours to go. Please call us to change your place.`);
  }
  await trx
    .updateTable("workshopBookings")
    .set({ status: "cancelled", cancelledAt: sql`now()`, sequence: sql`sequence + 1` })
    .where("id", "=", current.id)
    .execute();
  const email = await addToOutbox(trx, { kind: "workshop-cancelled", bookingId: current.id });
  return { bookingId: current.id, email, offers: await offerFreedSeats(trx, current.workshopId) };
}
