import { describe, expect, it } from "vitest";
import { hotspot, suppress } from "./people.js";

const group = (key: string, applications: number, hired = 0) => ({ key, label: key, applications, attended: applications, hired });

describe("suppressing small groups", () => {
  it("shows groups of 5 or more, and hides the numbers of smaller ones", () => {
    const out = suppress([group("a", 5, 1), group("b", 4), group("c", 0), group("d", 9, 3)]);
    expect(out.map((g) => [g.key, g.suppressed])).toEqual([
      ["a", false],
      ["b", true],
      ["c", true],
      ["d", false],
    ]);
    expect(out[1]).toEqual({ key: "b", label: "b", suppressed: true });
    expect(out[0]).toMatchObject({ applications: 5, hired: 1, hireRate: 0.2 });
  });

  it("when exactly one group is hidden, hides the next-smallest too (no working it out by subtraction)", () => {
    const out = suppress([group("a", 20), group("b", 3), group("c", 7), group("d", 6)]);
    expect(out.filter((g) => g.suppressed).map((g) => g.key)).toEqual(["b", "d"]);
  });

  it("nothing to hide, nothing hidden", () => {
    expect(suppress([group("a", 5), group("b", 6)]).some((g) => g.suppressed)).toBe(false);
  });
});

describe("hotspots", () => {
  it("names the shown group furthest below the overall rate, never a suppressed or non-answer group", () => {
    const groups = suppress([group("a", 10, 1), group("b", 10, 3), group("not_answered", 10, 0), group("c", 2, 0), group("d", 2, 0)]);
    expect(hotspot(groups, 0.2)).toEqual({ key: "a", label: "a", hireRate: 0.1 });
    expect(hotspot(groups, 0.05)).toBeNull();
    expect(hotspot(groups, null)).toBeNull();
  });
});
