import { describe, expect, it } from "vitest";
import { averageProfile, scoreAnswers, strongestValues, valuesBelow } from "./scoring.js";
import { firstUnansweredPage, type SurveyDefinition, surveyPages } from "./survey.schema.js";

const value = (key: string, weight = 1) => ({
  key,
  name: key[0].toUpperCase() + key.slice(1),
  meaning: "",
  shows: [],
  doesNotShow: [],
  weight,
});

const definition: SurveyDefinition = {
  values: [value("compassion"), value("responsibility")],
  items: [
    { id: "c1", kind: "statement", value: "compassion", text: "I notice when someone is upset.", reverse: false },
    { id: "c2", kind: "statement", value: "compassion", text: "Other people's worries are not my business.", reverse: true },
    { id: "r1", kind: "statement", value: "responsibility", text: "I do what I say I will do.", reverse: false },
    {
      id: "q1",
      kind: "situational",
      text: "A colleague is ill and the rota has a gap tonight.",
      question: "What would you do?",
      options: [
        { id: "a", text: "Offer to cover and tell the team.", points: { responsibility: 2, compassion: 1 } },
        { id: "b", text: "Ask how they are, then find cover together.", points: { responsibility: 1, compassion: 2 } },
        { id: "c", text: "Leave it to the office.", points: {} },
      ],
    },
  ],
};

describe("scoring a values survey", () => {
  it("normalises statements to 0-100 and flips reverse items", () => {
    // c1 agree (4) -> 0.75; c2 strongly disagree with a reverse item (1 -> 5) -> 1.0
    const profile = scoreAnswers(definition, { c1: "4", c2: "1" });
    expect(profile.values[0]).toEqual({ key: "compassion", name: "Compassion", score: 88, answered: 2, total: 3 });
  });

  it("scales situational points against the best response for each value", () => {
    // q1 option a: responsibility 2/2 = 1.0, compassion 1/2 = 0.5
    const profile = scoreAnswers(definition, { r1: "3", q1: "a" });
    expect(profile.values.find((v) => v.key === "responsibility")).toMatchObject({ score: 75, answered: 2, total: 2 }); // (0.5 + 1) / 2
    expect(profile.values.find((v) => v.key === "compassion")).toMatchObject({ score: 50, answered: 1, total: 3 });
    expect(scoreAnswers(definition, { q1: "c" }).values.map((v) => v.score)).toEqual([0, 0]);
  });

  it("leaves unanswered items out and says how many were answered", () => {
    const profile = scoreAnswers(definition, { c1: "5" });
    expect(profile).toMatchObject({ answered: 1, total: 4, fit: 100 });
    expect(profile.values[1]).toMatchObject({ key: "responsibility", score: null, answered: 0, total: 2 });
  });

  it("weights the overall fit by each value's weight", () => {
    const answers = { c1: "5", c2: "1", r1: "1", q1: "c" };
    // compassion (1 + 1 + 0) / 3 = 67; responsibility (0 + 0) / 2 = 0
    expect(scoreAnswers(definition, answers).fit).toBe(34); // (67 + 0) / 2 = 33.5
    const weighted = { ...definition, values: [value("compassion", 3), value("responsibility", 1)] };
    expect(scoreAnswers(weighted, answers).fit).toBe(50); // (3 * 67 + 0) / 4 = 50.25
  });

  it("ignores answers outside the scale", () => {
    expect(scoreAnswers(definition, { c1: "9", r1: "x" }).values.map((v) => v.answered)).toEqual([0, 0]);
  });

  it("averages a team's profiles only from three members up", () => {
    const a = scoreAnswers(definition, { c1: "5", r1: "5" });
    const b = scoreAnswers(definition, { c1: "1", r1: "3" });
    expect(averageProfile([a, b])).toBeNull();
    expect(averageProfile([a, b, scoreAnswers(definition, { c1: "3" })])).toEqual([
      { key: "compassion", score: 50 },
      { key: "responsibility", score: 75 },
    ]);
  });

  it("names the strongest values and those below the review threshold", () => {
    const profile = scoreAnswers(definition, { c1: "5", c2: "1", r1: "2" });
    expect(strongestValues(profile).map((v) => v.key)).toEqual(["compassion", "responsibility"]);
    expect(valuesBelow(profile, 60).map((v) => v.key)).toEqual(["responsibility"]);
  });
});

describe("survey pages", () => {
  it("puts one value per page, then one scenario per page, and resumes at the first gap", () => {
    const pages = surveyPages(definition);
    expect(pages.map((p) => (p.kind === "value" ? p.value.key : p.item.id))).toEqual(["compassion", "responsibility", "q1"]);
    expect(firstUnansweredPage(pages, {})).toBe(0);
    expect(firstUnansweredPage(pages, { c1: "1", c2: "2", r1: "3" })).toBe(2);
    expect(firstUnansweredPage(pages, { c1: "1", r1: "3", q1: "a" })).toBe(0);
    expect(firstUnansweredPage(pages, { c1: "1", c2: "2", r1: "3", q1: "a" })).toBeNull();
  });
});
