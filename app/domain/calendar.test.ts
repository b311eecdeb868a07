import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { eventCalendar } from "./calendar.js";
import { londonToUtc } from "./workshops/london-time.js";

const base = {
  uid: "workshop-123@circlehire",
  sequence: 0,
  summary: "Oakfield Home Care: group workshop",
  location: "Ashdown Community Centre, 1 High Street, Ashdown",
  description: "Bring yourself; we provide lunch.",
  cancelled: false,
};

describe("workshop calendar files", () => {
  it("parse as iCalendar with the booking's UID, times and place", () => {
    const start = londonToUtc("2026-10-26", "09:30"); // the day after the clocks go back
    const end = londonToUtc("2026-10-26", "13:00");
    const parsed = new ICAL.Component(ICAL.parse(eventCalendar({ ...base, start, end })));
    expect(parsed.getFirstPropertyValue("method")).toBe("PUBLISH");
    const event = new ICAL.Event(parsed.getFirstSubcomponent("vevent") as ICAL.Component);
    expect(event.uid).toBe("workshop-123@circlehire");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-10-26T09:30:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-10-26T13:00:00.000Z");
    expect(event.location).toBe(base.location);
    expect(event.sequence).toBe(0);
  });

  it("keeps the UID and raises the sequence for a new date or a cancellation", () => {
    const start = londonToUtc("2026-07-01", "09:30"); // summer time: 08:30 UTC
    const end = londonToUtc("2026-07-01", "13:00");
    const moved = new ICAL.Component(ICAL.parse(eventCalendar({ ...base, sequence: 1, start, end })));
    const event = new ICAL.Event(moved.getFirstSubcomponent("vevent") as ICAL.Component);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-07-01T08:30:00.000Z");
    expect(event.sequence).toBe(1);

    const cancelled = new ICAL.Component(ICAL.parse(eventCalendar({ ...base, sequence: 2, start, end, cancelled: true })));
    expect(cancelled.getFirstPropertyValue("method")).toBe("CANCEL");
    const vevent = cancelled.getFirstSubcomponent("vevent") as ICAL.Component;
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstPropertyValue("uid")).toBe("workshop-123@circlehire");
  });
});
