import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { SurveySettingsSchema } from "./survey.schema.js";

describe("survey settings", () => {
  it("takes whole numbers and wants the second reminder after the first", () => {
    expect(z.safeParse(SurveySettingsSchema, { threshold: "65", firstReminderDays: "2", secondReminderDays: "5" }).data).toEqual({
      threshold: 65,
      firstReminderDays: 2,
      secondReminderDays: 5,
    });
    const bad = z.safeParse(SurveySettingsSchema, { threshold: "120", firstReminderDays: "4", secondReminderDays: "3" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["threshold", "Enter a number from 0 to 100"],
      ["secondReminderDays", "Send the second reminder later than the first"],
    ]);
    const order = z.safeParse(SurveySettingsSchema, { threshold: "60", firstReminderDays: "4", secondReminderDays: "3" });
    expect(order.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["secondReminderDays", "Send the second reminder later than the first"],
    ]);
  });
});
