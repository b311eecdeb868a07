import { describe, expect, it } from "vitest";
import { summariseScores } from "./score-aggregation.js";

const s = (assessorId: string, criterionKey: string, value: string, score: number, exerciseId = "rota") => ({
  assessorId,
  exerciseId,
  criterionKey,
  value,
  score,
});

describe("workshop score aggregation", () => {
  it("averages each criterion, then each value, then overall", () => {
    const summary = summariseScores([
      s("a", "shares_load", "collaboration", 3),
      s("b", "shares_load", "collaboration", 4),
      s("a", "person_first", "compassion", 2),
      s("b", "person_first", "compassion", 2),
      s("a", "communicates", "collaboration", 4, "sickness"),
    ]);
    expect(summary.criteria.map((c) => [c.criterionKey, c.mean])).toEqual([
      ["shares_load", 3.5],
      ["person_first", 2],
      ["communicates", 4],
    ]);
    expect(summary.values).toEqual([
      { value: "collaboration", mean: 3.8 }, // (3.5 + 4) / 2 = 3.75
      { value: "compassion", mean: 2 },
    ]);
    expect(summary.overall).toBe(3.2); // (3.5 + 2 + 4) / 3 = 3.17
    expect(summary.assessors).toBe(2);
  });

  it("flags criteria where assessors differ by 2 or more points", () => {
    const summary = summariseScores([
      s("a", "shares_load", "collaboration", 1),
      s("b", "shares_load", "collaboration", 3),
      s("a", "person_first", "compassion", 2),
      s("b", "person_first", "compassion", 3),
    ]);
    expect(summary.criteria.map((c) => [c.criterionKey, c.disagreement])).toEqual([
      ["shares_load", true],
      ["person_first", false],
    ]);
    expect(summary.disagreements).toBe(1);
  });

  it("has no overall score before anyone has scored", () => {
    expect(summariseScores([])).toMatchObject({ overall: null, criteria: [], values: [], assessors: 0 });
  });
});
