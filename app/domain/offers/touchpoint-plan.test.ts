import { describe, expect, it } from "vitest";
import { planTouchpoints } from "./touchpoint-plan.js";

const summary = (plan: ReturnType<typeof planTouchpoints>) => plan.map((t) => `${t.kind}:${t.seq}:${t.dueAt.toISOString()}`);

describe("the keep-in-touch plan", () => {
  it("sends a weekly email and a buddy call each week from acceptance until the start date", () => {
    // Accepted Monday 2 November 2026 (GMT); starting Monday 23 November: weeks on 9 and 16 November.
    const plan = planTouchpoints({ acceptedAt: new Date("2026-11-02T15:00:00Z"), startDate: "2026-11-23", startedOn: null });
    expect(summary(plan)).toEqual([
      "kit:1:2026-11-09T10:00:00.000Z",
      "buddy_call:1:2026-11-09T10:00:00.000Z",
      "kit:2:2026-11-16T10:00:00.000Z",
      "buddy_call:2:2026-11-16T10:00:00.000Z",
    ]);
  });

  it("moves with the start date, and nothing is due on or after the start", () => {
    const later = planTouchpoints({ acceptedAt: new Date("2026-11-02T15:00:00Z"), startDate: "2026-11-30", startedOn: null });
    expect(later.filter((t) => t.kind === "kit").map((t) => t.seq)).toEqual([1, 2, 3]);
    const sooner = planTouchpoints({ acceptedAt: new Date("2026-11-02T15:00:00Z"), startDate: "2026-11-09", startedOn: null });
    expect(sooner).toEqual([]);
  });

  it("after the start, plans check-ins on days 7, 30 and 90 in UK time (summer time included)", () => {
    const plan = planTouchpoints({ acceptedAt: new Date("2026-03-02T09:00:00Z"), startDate: "2026-03-09", startedOn: "2026-03-09" });
    expect(summary(plan.filter((t) => t.kind === "checkin"))).toEqual([
      "checkin:7:2026-03-16T10:00:00.000Z",
      "checkin:30:2026-04-08T09:00:00.000Z", // 10:00 BST
      "checkin:90:2026-06-07T09:00:00.000Z",
    ]);
    // Starting early ends the weekly emails at the real start.
    const early = planTouchpoints({ acceptedAt: new Date("2026-11-02T15:00:00Z"), startDate: "2026-11-30", startedOn: "2026-11-10" });
    expect(early.filter((t) => t.kind === "kit").map((t) => t.seq)).toEqual([1]);
  });
});
