import { describe, expect, it } from "vitest";
import { dateFormat, formatDateTime, formatDay, formatLongDate, formatUk } from "./dates.js";

describe("dates in UK time", () => {
  it("shows an instant as the UK reads it, summer time included", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    expect(formatLongDate("2026-06-30T23:30:00Z")).toBe("1 July 2026");
    expect(formatDateTime("2026-06-30T23:30:00Z")).toBe("1 Jul 2026, 00:30");
    // In winter London is on UTC.
    expect(formatDateTime(new Date("2026-12-05T09:30:00Z"))).toBe("5 Dec 2026, 09:30");
    expect(formatUk("2026-12-05T13:05:00Z", { hour: "numeric", minute: "2-digit", hourCycle: "h12" })).toBe("1:05 pm");
  });

  it("shows a calendar day as that day, whatever the time zone", () => {
    expect(formatDay("2026-03-29")).toBe("29 March 2026");
    expect(formatDay("2026-03-29T00:00:00.000Z", { month: "long", year: "numeric" })).toBe("March 2026");
    expect(formatDay("2026-12-07", { weekday: "long", day: "numeric", month: "long" })).toBe("Monday 7 December");
  });

  it("makes each format once", () => {
    expect(dateFormat({ dateStyle: "long", timeZone: "UTC" })).toBe(dateFormat({ dateStyle: "long", timeZone: "UTC" }));
    expect(dateFormat({ dateStyle: "long", timeZone: "UTC" }, "en-CA")).not.toBe(dateFormat({ dateStyle: "long", timeZone: "UTC" }));
  });
});
