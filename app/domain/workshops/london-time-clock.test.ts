import { describe, expect, it } from "vitest";
import { formatLondonSlot, formatLondonTime } from "./london-time.js";

// UK time on a 12-hour clock: midday and midnight read 12, never 0.
describe("UK time on a 12-hour clock", () => {
  it("reads 12:xx from noon to 12:59pm", () => {
    expect(formatLondonTime("2026-12-01T12:00:00Z")).toBe("12:00pm");
    expect(formatLondonTime("2026-12-01T12:30:00Z")).toBe("12:30pm");
    expect(formatLondonTime("2026-07-01T11:59:00Z")).toBe("12:59pm");
  });

  it("reads 12:xx am just after midnight", () => {
    expect(formatLondonTime("2026-12-01T00:00:00Z")).toBe("12:00am");
    expect(formatLondonTime("2026-12-01T00:05:00Z")).toBe("12:05am");
    expect(formatLondonTime("2026-06-30T23:45:00Z")).toBe("12:45am");
  });

  it("keeps the other hours as they were", () => {
    expect(formatLondonTime("2026-12-01T09:30:00Z")).toBe("9:30am");
    expect(formatLondonTime("2026-12-01T13:00:00Z")).toBe("1:00pm");
    expect(formatLondonTime("2026-12-01T23:59:00Z")).toBe("11:59pm");
  });

  it("is right on the day the clocks go forward (29 March 2026, 01:00 UTC)", () => {
    expect(formatLondonTime("2026-03-29T00:30:00Z")).toBe("12:30am");
    expect(formatLondonTime("2026-03-29T00:59:00Z")).toBe("12:59am");
    expect(formatLondonTime("2026-03-29T01:00:00Z")).toBe("2:00am");
    expect(formatLondonTime("2026-03-29T11:30:00Z")).toBe("12:30pm");
    expect(formatLondonSlot("2026-03-29T11:00:00Z", "2026-03-29T12:00:00Z")).toBe("Sunday 29 March 2026, 12:00pm to 1:00pm");
  });

  it("is right on the day the clocks go back (25 October 2026, 01:00 UTC)", () => {
    expect(formatLondonTime("2026-10-24T23:30:00Z")).toBe("12:30am");
    expect(formatLondonTime("2026-10-25T00:30:00Z")).toBe("1:30am");
    expect(formatLondonTime("2026-10-25T01:30:00Z")).toBe("1:30am");
    expect(formatLondonTime("2026-10-25T12:15:00Z")).toBe("12:15pm");
    expect(formatLondonSlot("2026-10-25T11:00:00Z", "2026-10-25T12:45:00Z")).toBe("Sunday 25 October 2026, 11:00am to 12:45pm");
  });
});
