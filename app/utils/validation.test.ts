import { describe, expect, it } from "vitest";
import { APPLICATION_ARRAY_FIELDS, ApplicationSchema } from "#app/domain/applications/application.schema.js";
import { hasUnusualCharacter, parseForm, UNUSUAL_CHARACTER_MESSAGE } from "./validation.js";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

const valid: [string, string][] = [
  ["fullName", "  Ada Lovelace "],
  ["email", "Ada@Example.COM"],
  ["phone", "07700 900123"],
  ["location", "Bristol"],
  ["availability", "weekends"],
  ["availability", "nights"],
  ["experience", "new_to_care"],
  ["source", "college"],
  ["rightToWork", "yes"],
  ["adjustmentsNote", ""],
  ["consent", "yes"],
];

describe("application form validation", () => {
  it("accepts a complete application, trimming names and lower-casing the email", () => {
    const result = parseForm(form(valid), ApplicationSchema, APPLICATION_ARRAY_FIELDS);
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        fullName: "Ada Lovelace",
        email: "ada@example.com",
        availability: ["weekends", "nights"],
        adjustments: [],
      }),
    });
  });

  it("names each missing field with a specific message and keeps what was typed", () => {
    const result = parseForm(
      form([
        ["fullName", "Ada"],
        ["email", "not-an-email"],
      ]),
      ApplicationSchema,
      APPLICATION_ARRAY_FIELDS,
    );
    if (result.ok) throw new Error("expected errors");
    expect(result.fieldErrors).toMatchObject({
      email: "Enter an email address like name@example.com",
      phone: "Enter your phone number",
      location: "Enter your town or postcode",
      availability: "Choose at least one time you could work",
      experience: "Say whether you have worked in care before",
      consent: "Tick the box to say you have read the privacy notice",
    });
    expect(result.fieldErrors.fullName).toBeUndefined();
    expect(result.values).toMatchObject({ fullName: "Ada", email: "not-an-email" });
  });

  it("refuses a phone number made of letters and an unknown source", () => {
    const entries = valid.map(([k, v]): [string, string] => (k === "phone" ? [k, "call me"] : k === "source" ? [k, "tv"] : [k, v]));
    const result = parseForm(form(entries), ApplicationSchema, APPLICATION_ARRAY_FIELDS);
    if (result.ok) throw new Error("expected errors");
    expect(result.fieldErrors).toEqual({
      phone: "Enter a phone number like 07700 900123",
      source: "Choose how you heard about this job",
    });
  });
});

describe("unusual characters", () => {
  it("allows ordinary text in any language, emoji, tabs and line breaks", () => {
    for (const text of ["Ada Lovelace", "Zoë O’Brien-Ŵyn", "Siân\tJones", "Line one\r\nLine two", "李小龙", "Thanks 😀", ""]) {
      expect(hasUnusualCharacter(text), text).toBe(false);
    }
  });

  it("finds NUL, control characters, lone surrogates and what invalid UTF-8 decodes to", () => {
    for (const text of [
      "Ada\u0000",
      "\u0001",
      "a\u001bb",
      "\u007f",
      "\u0085",
      "\ud800",
      "x\udc00",
      "\ud83d",
      "bad \ufffd byte",
      "\uffff",
    ]) {
      expect(hasUnusualCharacter(text), JSON.stringify(text)).toBe(true);
    }
  });

  it("names the field with the unusual character before the schema runs, and keeps what was typed", () => {
    const entries = valid.map(([k, v]): [string, string] => (k === "fullName" ? [k, "Ada\u0000 Lovelace"] : [k, v]));
    const result = parseForm(form([...entries, ["adjustmentsNote", "ok\ufffd"]]), ApplicationSchema, APPLICATION_ARRAY_FIELDS);
    if (result.ok) throw new Error("expected errors");
    expect(result.fieldErrors).toEqual({ fullName: UNUSUAL_CHARACTER_MESSAGE, adjustmentsNote: UNUSUAL_CHARACTER_MESSAGE });
    expect(result.values.fullName).toBe("Ada\u0000 Lovelace");
  });

  it("refuses an unusual character even in a field the schema does not know", () => {
    const result = parseForm(form([...valid, ["extra\u0000", "1"]]), ApplicationSchema, APPLICATION_ARRAY_FIELDS);
    expect(result.ok).toBe(false);
  });
});
