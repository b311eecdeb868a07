import { describe, expect, it } from "vitest";
import { decide, describeResult, requiredVotes, tally } from "./decision.js";

describe("requiredVotes", () => {
  it.each([
    [9, "two_thirds", 6],
    [8, "two_thirds", 6],
    [7, "two_thirds", 5],
    [3, "two_thirds", 2],
    [2, "two_thirds", 2],
    [5, "half", 3],
    [4, "half", 2],
    [8, "three_quarters", 6],
    [6, "all", 6],
    [0, "two_thirds", 0],
  ] as const)("%i eligible at %s needs %i votes", (eligible, quorum, needed) => {
    expect(requiredVotes(eligible, quorum)).toBe(needed);
  });
});

describe("decide", () => {
  it.each([
    // rule, quorum, eligible, yes, no, concern, outcome
    ["consent", "two_thirds", 6, 4, 0, 0, "passed"],
    ["consent", "two_thirds", 6, 3, 0, 1, "passed"], // a concern does not block consent
    ["consent", "two_thirds", 6, 5, 1, 0, "not_passed"], // one objection stops it
    ["consent", "two_thirds", 6, 3, 0, 0, "no_quorum"], // 3 of the 4 needed
    ["majority", "two_thirds", 6, 3, 1, 0, "passed"],
    ["majority", "two_thirds", 6, 2, 2, 0, "not_passed"], // a tie does not pass
    ["majority", "two_thirds", 6, 2, 1, 1, "not_passed"], // a concern is a vote cast, not a yes
    ["majority", "half", 4, 2, 0, 0, "passed"],
    ["majority", "all", 3, 2, 0, 0, "no_quorum"],
    ["consent", "half", 0, 0, 0, 0, "no_quorum"], // everyone declared a conflict
  ] as const)("%s, %s of %i: %i yes %i no %i concern → %s", (rule, quorum, eligible, yes, no, concern, outcome) => {
    const decision = decide(rule, quorum, eligible, { yes, no, concern });
    expect(decision.outcome).toBe(outcome);
    expect(decision.result.cast).toBe(yes + no + concern);
  });

  it("a declared conflict lowers the quorum: 3 of 9 eligible is short, 3 of 4 is enough", () => {
    expect(decide("consent", "two_thirds", 9, { yes: 3, no: 0, concern: 0 }).outcome).toBe("no_quorum");
    expect(decide("consent", "two_thirds", 4, { yes: 3, no: 0, concern: 0 }).outcome).toBe("passed");
  });
});

describe("tally and describeResult", () => {
  it("counts choices and describes them without names", () => {
    const counts = tally(["yes", "yes", "concern", "no"]);
    expect(counts).toEqual({ yes: 2, no: 1, concern: 1 });
    const { outcome, result } = decide("consent", "two_thirds", 5, counts);
    expect(describeResult("consent", outcome, result)).toBe(
      "Did not pass (consent, at least one objection): 4 of 5 eligible members voted (4 needed); 2 yes, 1 no, 1 with a concern.",
    );
  });
});
