import { describe, expect, it } from "vitest";
import { APPLICATION_ARRAY_FIELDS, ApplicationSchema } from "#app/domain/applications/application.schema.js";
import { parseForm } from "./validation.js";

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
