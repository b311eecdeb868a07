import { describe, expect, it } from "vitest";
import { DEFAULT_SURVEY } from "./default-survey.js";
import { addStatement, applySurveyEdits, removeStatement } from "./edit-survey.js";

describe("editing a survey", () => {
  it("applies new wording, values, reverse scoring and weights", () => {
    const { definition, fieldErrors } = applySurveyEdits(DEFAULT_SURVEY, {
      "values.compassion.weight": "2",
      "items.com1.text": "  I notice when people are worried. ",
      "items.com1.value": "curiosity",
      "items.com2.text": "I like to listen.",
      "items.com2.reverse": "yes",
      "items.sit1.options.c.text": "Go to the next visit.",
    });
    expect(fieldErrors).toEqual({});
    expect(definition.values[0].weight).toBe(2);
    expect(definition.items.find((i) => i.id === "com1")).toMatchObject({
      text: "I notice when people are worried.",
      value: "curiosity",
      reverse: false,
    });
    expect(definition.items.find((i) => i.id === "com2")).toMatchObject({ reverse: true });
    const sit1 = definition.items.find((i) => i.id === "sit1");
    expect(sit1?.kind === "situational" && sit1.options.find((o) => o.id === "c")?.text).toBe("Go to the next visit.");
    // The original is untouched: published versions never change.
    expect(DEFAULT_SURVEY.items.find((i) => i.id === "com1")).toMatchObject({ value: "compassion" });
  });

  it("names each empty or out-of-range field", () => {
    const { fieldErrors } = applySurveyEdits(DEFAULT_SURVEY, {
      "values.curiosity.name": " ",
      "values.curiosity.weight": "11",
      "items.res2.text": "",
      "items.sit2.question": "",
    });
    expect(fieldErrors).toEqual({
      "values.curiosity.name": "Enter the value's name",
      "values.curiosity.weight": "Enter a weight from 0 to 10",
      "items.res2.text": "Enter the wording",
      "items.sit2.question": "Enter the question",
    });
  });

  it("adds a statement after a value's last one and removes statements, keeping one per value", () => {
    const added = addStatement(DEFAULT_SURVEY, "creativity", "s_new");
    const ids = added.items.map((i) => i.id);
    expect(ids.indexOf("s_new")).toBe(ids.indexOf("cre4") + 1);
    expect(removeStatement(added, "s_new").definition.items).toHaveLength(DEFAULT_SURVEY.items.length);
    const onlyOne = { ...DEFAULT_SURVEY, items: DEFAULT_SURVEY.items.filter((i) => !["aut2", "aut3", "aut4"].includes(i.id)) };
    expect(removeStatement(onlyOne, "aut1").error).toBe("Each value needs at least one statement.");
  });
});
