import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { findLatestBookingNote, isWorkshopForApplication } from "#db/queries/workshops.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { freeSeatsOn, lockSeats } from "./seats.server.js";
import { acceptSeatHold, holdFreedSeats, type SeatHold } from "./waitlist.server.js";
import { cancelWorkshopReminders, scheduleWorkshopReminders } from "./workshop-reminders.server.js";
import { otherTeamError, WorkshopError } from "./workshop.errors.js";
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

/**
 * What the booking form starts with: the note given at the latest booking (the live one, or one
 * cancelled before re-booking), else what the person wrote when applying.
 */
export async function bookingFormNote(trx: Tx, applicationId: string, applicationNote: string) {
  return (await findLatestBookingNote(trx, applicationId)) ?? applicationNote;
}

const cutoff = () => new Date(Date.now() + BOOKING_CUTOFF_HOURS * 3_600_000);

export type BookingResult = {
  bookingId: string;
  moved: boolean;
  startsAt: Date;
  previousBookingId: string | null;
  /** Seats held for people waiting, after this booking freed one. */
  seatHolds: SeatHold[];
};

/**
 * Books a seat, or moves an existing booking to another date. No overbooking, ever: `lockSeats`
 * locks the person's application, then the new workshop and the one they are booked on now (the
 * seat given up there goes to the waiting list), before the seats are counted and the booking
 * written. Concurrent bookings for one workshop queue on its lock, and a second submit of the same
 * form queues on the application and finds the booking the first one made. After the commit the
 * confirmation is sent, the new booking's reminders planned and the old one's removed.
 */
export async function bookSeat(ctx: UseCaseContext, request: BookingRequest): Promise<BookingResult> {
  const { trx } = ctx;
  const { workshops, bookings } = await lockSeats(trx, { applicationIds: [request.applicationId], workshopIds: [request.workshopId] });
  await findInvitedApplication(trx, request.applicationId, request.candidateId);
  const workshop = workshops.get(request.workshopId);
  if (workshop?.status !== "scheduled") throw new WorkshopError("not_found", "We could not find that workshop.");
  if (!(await isWorkshopForApplication(trx, workshop.id, request.applicationId))) throw otherTeamError();
  if (workshop.startsAt < cutoff()) {
    throw new WorkshopError("too_late", `That workshop starts in less than ${BOOKING_CUTOFF_HOURS} hours. Please choose a later date.`);
  }
  const current = bookings[0];
  if (current?.workshopId === workshop.id) {
    await trx.updateTable("workshopBookings").set({ adjustments: request.adjustments }).where("id", "=", current.id).execute();
    await sendAfterCommit(ctx, { kind: "workshop-booked", bookingId: current.id });
    return { bookingId: current.id, moved: false, startsAt: workshop.startsAt, previousBookingId: null, seatHolds: [] };
  }

  // A seat held for this person is theirs to take; seats held for others count as taken.
  if ((await freeSeatsOn(trx, workshop, request.applicationId)) <= 0) {
    throw new WorkshopError("full", "Sorry, that workshop is now full. Please choose another date.");
  }

  // A change of date keeps one calendar event: the new booking carries on the old one's sequence.
  let sequence = 0;
  if (current) {
    await trx.updateTable("workshopBookings").set({ status: "cancelled", cancelledAt: sql`now()` }).where("id", "=", current.id).execute();
    sequence = current.sequence + 1;
  }
  const booking = await trx
    .insertInto("workshopBookings")
    .values({ workshopId: workshop.id, applicationId: request.applicationId, adjustments: request.adjustments, sequence })
    .returning(["id", "orgId"])
    .executeTakeFirstOrThrow();
  await acceptSeatHold(ctx, workshop.id, request.applicationId);
  await sendAfterCommit(ctx, { kind: "workshop-booked", bookingId: booking.id });
  scheduleWorkshopReminders(ctx, booking, workshop.startsAt);
  if (current) cancelWorkshopReminders(ctx, current.id);
  // The seat given up on the old date is held for the first person waiting for it.
  const left = current && workshops.get(current.workshopId);
  const seatHolds = left ? await holdFreedSeats(ctx, left) : [];
  return {
    seatHolds,
    bookingId: booking.id,
    moved: Boolean(current),
    startsAt: workshop.startsAt,
    previousBookingId: current?.id ?? null,
  };
}

/** Gives the seat back (locks as `bookSeat` does); the calendar invite is cancelled by the email this sends. */
export async function cancelBooking(
  ctx: UseCaseContext,
  applicationId: string,
  candidateId: string,
): Promise<{ bookingId: string; seatHolds: SeatHold[] }> {
  const { trx } = ctx;
  const { workshops, bookings } = await lockSeats(trx, { applicationIds: [applicationId] });
  await findInvitedApplication(trx, applicationId, candidateId);
  const current = bookings[0];
  const workshop = current && workshops.get(current.workshopId);
  if (!current || !workshop) throw new WorkshopError("not_found", "You do not have a workshop booked.");
  if (workshop.startsAt < cutoff()) {
    throw new WorkshopError("too_late", `It is less than ${BOOKING_CUTOFF_HOURS} hours to go. Please call us to change your place.`);
  }
  await trx
    .updateTable("workshopBookings")
    .set({ status: "cancelled", cancelledAt: sql`now()`, sequence: sql`sequence + 1` })
    .where("id", "=", current.id)
    .execute();
  await sendAfterCommit(ctx, { kind: "workshop-cancelled", bookingId: current.id });
  cancelWorkshopReminders(ctx, current.id);
  return { bookingId: current.id, seatHolds: await holdFreedSeats(ctx, workshop) };
}
