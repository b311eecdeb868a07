import { describe, expect, it } from "vitest";
import { declineWordsFor, DEFAULT_DECLINE_WORDS, nextMorningNine } from "./outcome-words.js";

describe("decline words", () => {
  it("uses the organisation's words for a stage, and the default where it has none or left it blank", () => {
    expect(declineWordsFor("workshop", { workshop: "Our own words." })).toBe("Our own words.");
    expect(declineWordsFor("survey", { workshop: "Our own words.", survey: "  " })).toBe(DEFAULT_DECLINE_WORDS.survey);
  });
});

describe("next morning at 9:00, UK time", () => {
  it.each([
    ["winter evening", "2026-12-04T21:30:00Z", "2026-12-05T09:00:00.000Z"],
    ["summer evening", "2026-07-10T21:30:00Z", "2026-07-11T08:00:00.000Z"],
    ["just after midnight in summer (still the 10th in UTC)", "2026-07-10T23:30:00Z", "2026-07-12T08:00:00.000Z"],
    ["the evening before the clocks go forward", "2026-03-28T20:00:00Z", "2026-03-29T08:00:00.000Z"],
    ["the evening before the clocks go back", "2026-10-24T20:00:00Z", "2026-10-25T09:00:00.000Z"],
  ])("%s", (_, now, expected) => {
    expect(nextMorningNine(new Date(now)).toISOString()).toBe(expected);
  });
});
