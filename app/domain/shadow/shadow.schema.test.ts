import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { fieldErrorsFrom } from "#app/utils/validation.js";
import { feedbackFromForm, feedbackSchema, ShiftSchema } from "./shadow.schema.js";

const errorsOf = (schema: z.ZodMiniType, values: Record<string, string>) => {
  const parsed = z.safeParse(schema, values);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe("feedbackSchema", () => {
  const values = ["Compassion", "Curiosity"];

  it("asks about every value and for a recommendation, and who made a comment from the person supported", () => {
    expect(errorsOf(feedbackSchema(values), { seen_0: "clearly", supportedComment: "Kind and patient" })).toEqual({
      seen_1: "Say how much you saw curiosity",
      recommendation: "Choose whether you recommend them",
      supportedBy: "Say who made the comment",
    });
  });

  it("turns a complete form into the feedback, dropping who said it when there is no comment", () => {
    const form = { seen_0: "clearly", note_0: " Warm ", seen_1: "not_seen", recommendation: "unsure", supportedBy: "family" };
    expect(errorsOf(feedbackSchema(values), form)).toEqual({});
    expect(feedbackFromForm(values, z.parse(feedbackSchema(values), form) as Record<string, unknown>)).toEqual({
      values: [
        { value: "Compassion", seen: "clearly", note: "Warm" },
        { value: "Curiosity", seen: "not_seen", note: "" },
      ],
      concerns: "",
      recommendation: "unsure",
      supportedComment: "",
      supportedBy: null,
    });
  });
});

describe("ShiftSchema", () => {
  it("needs a host, a meeting point and an end after the start", () => {
    expect(errorsOf(ShiftSchema, { hostMemberId: "", date: "2026-12-01", startTime: "14:00", endTime: "10:00", meetingPoint: "" })).toEqual(
      { hostMemberId: "Choose who hosts the shift", meetingPoint: "Enter where to meet", endTime: "End after the start time" },
    );
    expect(
      errorsOf(ShiftSchema, {
        hostMemberId: "5f0c7a3e-1d2b-4c5e-9f6a-7b8c9d0e1f2a",
        date: "2026-12-01",
        startTime: "14:00",
        endTime: "10:00",
        meetingPoint: "Office",
      }),
    ).toEqual({ endTime: "End after the start time" });
  });
});
