import { describe, expect, it } from "vitest";
import { checkTransition, nextStage } from "./stages.js";

describe("stage transitions", () => {
  it("moves forward one stage at a time through the whole pipeline", () => {
    expect(nextStage("applied")).toBe("survey");
    expect(nextStage("vote")).toBe("offer");
    expect(nextStage("offer")).toBe("started");
    expect(nextStage("started")).toBeNull();
    expect(() => checkTransition("applied", "survey")).not.toThrow();
    expect(() => checkTransition("offer", "started")).not.toThrow();
  });

  it("refuses skipping a stage or going back", () => {
    expect(() => checkTransition("applied", "workshop")).toThrow(/can only move on to "Values survey"/);
    expect(() => checkTransition("vote", "shadow")).toThrow(/can only move on to "Offer"/);
  });

  it("needs a reason to decline or withdraw", () => {
    expect(() => checkTransition("workshop", "declined")).toThrow(/Give a reason/);
    expect(() => checkTransition("workshop", "declined", "  ")).toThrow(/Give a reason/);
    expect(() => checkTransition("workshop", "declined", "Did not attend")).not.toThrow();
    expect(() => checkTransition("survey", "withdrawn", "Found another job")).not.toThrow();
  });

  it("keeps closed and started applications where they are", () => {
    expect(() => checkTransition("declined", "survey")).toThrow(/cannot move any more/);
    expect(() => checkTransition("withdrawn", "declined", "x")).toThrow(/cannot move any more/);
    expect(() => checkTransition("started", "declined", "x")).toThrow(/cannot move any more/);
  });
});
