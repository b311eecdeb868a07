import { describe, expect, it } from "vitest";
import { formatLondonSlot, londonToUtc } from "./london-time.js";

describe("UK time", () => {
  it("stores winter times as UTC and summer times an hour earlier", () => {
    expect(londonToUtc("2026-12-01", "09:30").toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(londonToUtc("2026-07-01", "09:30").toISOString()).toBe("2026-07-01T08:30:00.000Z");
  });

  it("is right on the days the clocks change", () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(londonToUtc("2026-03-29", "10:00").toISOString()).toBe("2026-03-29T09:00:00.000Z");
    expect(londonToUtc("2026-03-28", "10:00").toISOString()).toBe("2026-03-28T10:00:00.000Z");
    expect(londonToUtc("2026-10-25", "10:00").toISOString()).toBe("2026-10-25T10:00:00.000Z");
    expect(londonToUtc("2026-10-24", "10:00").toISOString()).toBe("2026-10-24T09:00:00.000Z");
  });

  it("shows a slot in plain UK time", () => {
    expect(formatLondonSlot("2026-07-01T08:30:00Z", "2026-07-01T12:00:00Z")).toBe("Wednesday 1 July 2026, 9:30am to 1:00pm");
  });
});
