import { describe, expect, it } from "vitest";
import { mixAfterHire, sizeNote, teamMix } from "./mix.js";

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
  });
});
