import ICAL from "ical.js";

export type CalendarEvent = {
  /** Stable per candidate and application, so a new date updates the same calendar entry. */
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  cancelled: boolean;
};

/**
 * An iCalendar (RFC 5545) file for one event (a workshop booking, a shadow shift), in UTC so clock
 * changes cannot shift it. A change keeps the UID and raises SEQUENCE; a cancellation is METHOD:CANCEL.
 */
export function eventCalendar(event: CalendarEvent): string {
  const calendar = new ICAL.Component(["vcalendar", [], []]);
  calendar.updatePropertyWithValue("prodid", "-//Circle Hire//EN");
  calendar.updatePropertyWithValue("version", "2.0");
  calendar.updatePropertyWithValue("calscale", "GREGORIAN");
  calendar.updatePropertyWithValue("method", event.cancelled ? "CANCEL" : "PUBLISH");
  const vevent = new ICAL.Component("vevent");
  vevent.updatePropertyWithValue("uid", event.uid);
  vevent.updatePropertyWithValue("sequence", event.sequence);
  vevent.updatePropertyWithValue("dtstamp", ICAL.Time.fromJSDate(new Date(), true));
  vevent.updatePropertyWithValue("dtstart", ICAL.Time.fromJSDate(event.start, true));
  vevent.updatePropertyWithValue("dtend", ICAL.Time.fromJSDate(event.end, true));
  vevent.updatePropertyWithValue("summary", event.summary);
  vevent.updatePropertyWithValue("location", event.location);
  vevent.updatePropertyWithValue("description", event.description);
  vevent.updatePropertyWithValue("status", event.cancelled ? "CANCELLED" : "CONFIRMED");
  calendar.addSubcomponent(vevent);
  return calendar.toString();
}

export const bookingUid = (applicationId: string) => `workshop-${applicationId}@circlehire`;
export const shiftUid = (shiftId: string) => `shadow-${shiftId}@circlehire`;
