import { bookingUid, eventCalendar } from "../calendar.js";

type Booking = {
  applicationId: string;
  sequence: number;
  startsAt: Date | string;
  endsAt: Date | string;
  venueName: string;
  venueAddress: string;
  directions: string;
  accessibility: string;
};

/** The .ics for a booking: the same file the email attaches and the booking page offers. */
export function bookingCalendar(booking: Booking, orgName: string, cancelled: boolean) {
  return eventCalendar({
    uid: bookingUid(booking.applicationId),
    sequence: booking.sequence,
    start: new Date(booking.startsAt),
    end: new Date(booking.endsAt),
    summary: `${orgName}: group workshop`,
    location: `${booking.venueName}, ${booking.venueAddress}`,
    description: [booking.directions && `Getting there: ${booking.directions}`, booking.accessibility && `Access: ${booking.accessibility}`]
      .filter(Boolean)
      .join("\n"),
    cancelled,
  });
}
