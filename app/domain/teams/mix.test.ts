import { describe, expect, it } from "vitest";
import {
  alertKinds,
  alertText,
  hireNeeded,
  londonDate,
  mixAfterHire,
  mondayOf,
  mixStatusText,
  monthlySeries,
  sizeNote,
  teamMix,
} from "./mix.js";

describe("team mix", () => {
  it("is balanced inside 40-60% experienced", () => {
    expect(teamMix(4, 8)).toMatchObject({ status: "balanced", newToCare: 4, summary: "4 experienced, 4 new to care (50% experienced)" });
    expect(teamMix(4, 10).status).toBe("balanced");
    expect(teamMix(6, 10).status).toBe("balanced");
  });

  it("says which kind of hire a team needs when it drifts", () => {
    expect(teamMix(3, 10).status).toBe("needs_experienced");
    expect(teamMix(7, 10).status).toBe("needs_new_to_care");
    expect(teamMix(0, 0).status).toBe("empty");
  });

  it("flags teams due to split and teams too small", () => {
    expect(sizeNote(12)).toMatch(/plan a split/);
    expect(sizeNote(4)).toMatch(/below the healthy minimum/);
    expect(sizeNote(7)).toBe("7 of 12 before a split");
  });

  it("shows what one hire does to the mix (the issue's example: 4 experienced, 6 new, hiring someone new to care)", () => {
    const change = mixAfterHire(4, 10, "new_to_care");
    expect(change.text).toBe(
      "Today 4 experienced, 6 new to care (40% experienced). With this hire: 4 experienced, 7 new to care (36% experienced), needs experienced people most.",
    );
    expect(change.size).toBe("11 of 12 before a split");
    expect(mixAfterHire(4, 11, "experienced").size).toMatch(/At 12 members: time to plan a split/);
    // With the organisation's own band (30-70%), the same hire keeps the team in balance.
    expect(mixAfterHire(4, 10, "new_to_care", { low: 0.3, high: 0.7 }).text).toMatch(/\(36% experienced\), within the 30-70% band\.$/);
  });
});

describe("an organisation's own band", () => {
  const narrow = { low: 0.45, high: 0.55, target: 0.5 };
  it("changes the status: 4 of 10 is balanced by default but needs experienced people in a 45-55% band", () => {
    expect(teamMix(4, 10).status).toBe("balanced");
    expect(teamMix(4, 10, narrow).status).toBe("needs_experienced");
    expect(teamMix(6, 10, narrow).status).toBe("needs_new_to_care");
    expect(teamMix(11, 20, narrow).status).toBe("balanced");
    expect(mixStatusText(narrow).balanced).toBe("Within the 45-55% band");
  });

  it("raises one alert kind per condition, none for an empty team", () => {
    expect(alertKinds(4, 8)).toEqual([]);
    expect(alertKinds(3, 11)).toEqual(["out_of_band"]);
    expect(alertKinds(6, 12)).toEqual(["split"]);
    expect(alertKinds(1, 3)).toEqual(["out_of_band", "too_small"]);
    expect(alertKinds(2, 4)).toEqual(["too_small"]);
    expect(alertKinds(0, 0)).toEqual([]);
    expect(alertKinds(4, 10, narrow)).toEqual(["out_of_band"]);
  });
});

describe("which hire is needed", () => {
  it("points towards the target", () => {
    expect(hireNeeded(3, 11)).toBe("experienced");
    expect(hireNeeded(4, 6)).toBe("new_to_care");
    expect(hireNeeded(6, 12)).toBe("either");
    expect(hireNeeded(4, 10, 0.3)).toBe("new_to_care");
    expect(alertText("out_of_band", 3, 11)).toBe(
      "27% experienced, outside the 40-60% band: the next hire should be an experienced person.",
    );
    expect(alertText("too_small", 1, 3)).toBe(
      "Only 3 members, below the healthy minimum of 5: hire an experienced person first (33% experienced).",
    );
    expect(alertText("split", 6, 12)).toBe(
      "12 members: time to plan a split into two teams. Until then, any hire should be either an experienced person or someone new to care (50% experienced).",
    );
  });
});

describe("the monthly series for the chart", () => {
  it("takes each month's last snapshot, carries it forward through quiet months and leaves months before any record empty", () => {
    const series = monthlySeries(
      [
        { takenOn: "2026-03-02", size: 6, experienced: 2 },
        { takenOn: "2026-03-20", size: 7, experienced: 3 },
        { takenOn: "2026-06-10", size: 8, experienced: 4 },
        { takenOn: "2026-11-26", size: 8, experienced: 5 },
      ],
      "2026-11-26",
    );
    expect(series).toHaveLength(12);
    expect(series[0]).toEqual({ month: "2025-12", label: "Dec 2025", size: null, experienced: null, percent: null });
    expect(series.map((p) => p.percent)).toEqual([null, null, null, 43, 43, 43, 50, 50, 50, 50, 50, 63]);
    expect(series[11]).toMatchObject({ month: "2026-11", label: "Nov 2026", size: 8, experienced: 5 });
  });

  it("crosses the year and shows an empty team as no share", () => {
    const series = monthlySeries([{ takenOn: "2025-12-31", size: 0, experienced: 0 }], "2026-01-05", 2);
    expect(series).toEqual([
      { month: "2025-12", label: "Dec 2025", size: 0, experienced: 0, percent: null },
      { month: "2026-01", label: "Jan 2026", size: 0, experienced: 0, percent: null },
    ]);
  });
});

describe("UK dates for snapshots and the weekly digest", () => {
  it("uses the UK calendar and keys a week by its Monday", () => {
    expect(londonDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01"); // BST
    expect(londonDate(new Date("2026-11-30T23:30:00Z"))).toBe("2026-11-30"); // GMT
    expect(mondayOf("2026-11-26")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });
});
