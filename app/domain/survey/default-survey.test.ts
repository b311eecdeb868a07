import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { DEFAULT_SURVEY } from "./default-survey.js";
import { SurveyDefinitionSchema, surveyPages } from "./survey.schema.js";

describe("the default survey", () => {
  it("is a valid definition with at least 24 statements and 6 situational questions", () => {
    expect(z.safeParse(SurveyDefinitionSchema, DEFAULT_SURVEY).success).toBe(true);
    expect(DEFAULT_SURVEY.items.filter((i) => i.kind === "statement").length).toBeGreaterThanOrEqual(24);
    expect(DEFAULT_SURVEY.items.filter((i) => i.kind === "situational").length).toBeGreaterThanOrEqual(6);
  });

  it("covers every value with statements, some reverse-scored, and with scenarios", () => {
    const keys = DEFAULT_SURVEY.values.map((v) => v.key);
    expect(keys).toEqual(["compassion", "responsibility", "collaboration", "curiosity", "creativity", "flourishing", "autonomy"]);
    for (const key of keys) {
      const statements = DEFAULT_SURVEY.items.filter((i) => i.kind === "statement" && i.value === key);
      expect({ key, statements: statements.length >= 3 }).toEqual({ key, statements: true });
      const scenarioPoints = DEFAULT_SURVEY.items.some((i) => i.kind === "situational" && i.options.some((o) => (o.points[key] ?? 0) > 0));
      expect({ key, scenarioPoints }).toEqual({ key, scenarioPoints: true });
    }
    expect(DEFAULT_SURVEY.items.some((i) => i.kind === "statement" && i.reverse)).toBe(true);
  });

  it("uses unique item ids and only known values, on 13 short pages", () => {
    const ids = DEFAULT_SURVEY.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = new Set(DEFAULT_SURVEY.values.map((v) => v.key));
    for (const item of DEFAULT_SURVEY.items) {
      const used = item.kind === "statement" ? [item.value] : item.options.flatMap((o) => Object.keys(o.points));
      for (const key of used) expect(keys.has(key)).toBe(true);
    }
    expect(surveyPages(DEFAULT_SURVEY)).toHaveLength(13);
  });

  it("keeps sentences short enough for a reading age of about 9-11", () => {
    for (const item of DEFAULT_SURVEY.items) {
      for (const sentence of item.text.split(/(?<=[.?!])\s+/)) {
        expect({ sentence, words: sentence.split(/\s+/).length <= 20 }).toEqual({ sentence, words: true });
      }
    }
  });
});
