import { describe, expect, it } from "vitest";
import { formatHeadline } from "./csv.js";
import { cohortHeadlines, cohortNoBaseReasons, emptyCounts } from "./dashboard.js";

describe("a headline ratio with nothing to divide by", () => {
  it('reads "–" with a reason, never "1 in 0"', () => {
    const counts = { ...emptyCounts(), applied: 10, started: 1, attended: 0 };
    expect(formatHeadline("workshopToHire", cohortHeadlines(counts).workshopToHire)).toBe("–");
    expect(cohortNoBaseReasons(counts).workshopToHire).toBe("No workshop attendance has been recorded for this period.");
    const none = { ...emptyCounts(), applied: 10 };
    expect(formatHeadline("workshopToHire", cohortHeadlines(none).workshopToHire)).toBe("–");
    expect(cohortNoBaseReasons(none).workshopToHire).toBe("Nobody who applied in this period has started yet.");
  });

  it("reads 1 in N when there is attendance and a start", () => {
    const counts = { ...emptyCounts(), applied: 30, attended: 9, started: 2 };
    expect(formatHeadline("workshopToHire", cohortHeadlines(counts).workshopToHire)).toBe("1 in 4.5");
    expect(cohortNoBaseReasons(counts).workshopToHire).toBeNull();
  });
});
