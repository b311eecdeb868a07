import { describe, expect, it } from "vitest";
import { candidateChecks } from "./candidate-checks.js";

describe("the pre-start checks as a candidate reads them", () => {
  it("lists right to work, DBS and references in that order, each with what to do while pending", () => {
    const checks = candidateChecks([
      { kind: "references", status: "pending" },
      { kind: "dbs", status: "done" },
      { kind: "right_to_work", status: "problem" },
    ]);
    expect(checks.map((c) => [c.title, c.state])).toEqual([
      ["Right to work in the UK", "We need to talk to you"],
      ["DBS check", "Done"],
      ["References", "Not done yet"],
    ]);
    expect(checks[1].todo).toBeNull();
    expect(checks[2].todo).toMatch(/do not need to do anything/);
    expect(checks[0].todo).toMatch(/We will call or email you/);
  });
});
