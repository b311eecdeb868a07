import { describe, expect, it } from "vitest";
import { dropoutByCohort, type OfferOutcome, percent, quarterOf } from "./dropout-rates.js";

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const offer = (accepted: string, status: OfferOutcome["status"], extra: Partial<OfferOutcome> = {}): OfferOutcome => ({
  acceptedAt: at(accepted),
  status,
  noShowFlaggedAt: null,
  startedOn: null,
  leftOn: null,
  ...extra,
});

describe("post-offer drop-out and early leavers, on a hand-computed cohort", () => {
  // 2026 Q3: 10 offers accepted.
  //   2 withdrawn after accepting                      → drop-out
  //   1 recorded no-show, 1 flagged by the detector    → drop-out
  //   6 started: one left after 40 days (early leaver), one after 120 days (not early), 4 still there
  // Drop-out = (2 + 2) / 10 = 40%. Early leavers = 1 / 6 = 16.7%.
  // 2026 Q4: 2 accepted, 1 withdrawn, 1 waiting to start → 50%; nobody started → no early-leaver rate.
  const cohort = [
    offer("2026-07-03", "withdrawn"),
    offer("2026-08-14", "withdrawn"),
    offer("2026-07-20", "no_show"),
    offer("2026-09-01", "accepted", { noShowFlaggedAt: at("2026-10-05") }),
    offer("2026-07-10", "started", { startedOn: "2026-08-03", leftOn: "2026-09-12" }),
    offer("2026-07-11", "started", { startedOn: "2026-08-03", leftOn: "2026-12-01" }),
    offer("2026-08-01", "started", { startedOn: "2026-09-07" }),
    offer("2026-08-02", "started", { startedOn: "2026-09-07" }),
    offer("2026-09-29", "started", { startedOn: "2026-10-19" }),
    offer("2026-09-30", "started", { startedOn: "2026-10-19" }),
    offer("2026-10-02", "withdrawn"),
    offer("2026-11-20", "accepted"),
  ];

  it("gives the rates per quarter of acceptance", () => {
    expect(dropoutByCohort(cohort)).toEqual([
      { cohort: "2026 Q3", accepted: 10, withdrawn: 2, noShows: 2, dropoutRate: 0.4, started: 6, earlyLeavers: 1, earlyLeaverRate: 1 / 6 },
      { cohort: "2026 Q4", accepted: 2, withdrawn: 1, noShows: 0, dropoutRate: 0.5, started: 0, earlyLeavers: 0, earlyLeaverRate: null },
    ]);
    expect(percent(1 / 6)).toBe("16.7%");
    expect(percent(null)).toBe("No data yet");
  });

  it("counts a leaver on day 89 as early and on day 90 as not", () => {
    const [rates] = dropoutByCohort([
      offer("2026-01-05", "started", { startedOn: "2026-02-02", leftOn: "2026-05-02" }), // 89 days
      offer("2026-01-06", "started", { startedOn: "2026-02-02", leftOn: "2026-05-03" }), // 90 days
    ]);
    expect(rates.earlyLeavers).toBe(1);
  });

  it("uses the UK date for the quarter: 00:30 on 1 April (summer time) is Q2, 23:30 on 31 March is Q1", () => {
    expect(quarterOf(new Date("2026-03-31T23:30:00Z"))).toBe("2026 Q2");
    expect(quarterOf(new Date("2026-03-31T22:30:00Z"))).toBe("2026 Q1");
  });
});
