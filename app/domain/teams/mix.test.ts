import { describe, expect, it } from "vitest";
import { sizeNote, teamMix } from "./mix.js";

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
});
