// A survey version's definition, stored as one immutable JSON document per version.
import * as z from "zod/mini";
import { LIKERT, pageItems } from "./survey-options.js";

export { LIKERT, pageItems };

const key = z.string().check(z.regex(/^[a-z][a-z0-9_]*$/));

export const SurveyValueSchema = z.object({
  key,
  name: z.string().check(z.minLength(1)),
  meaning: z.string(),
  shows: z.array(z.string()),
  doesNotShow: z.array(z.string()),
  /** Weight in the overall fit; 1 for every value by default. */
  weight: z.number().check(z.minimum(0), z.maximum(10)),
});

export const StatementSchema = z.object({
  id: key,
  kind: z.literal("statement"),
  value: key,
  text: z.string().check(z.minLength(1)),
  /** Agreeing shows less of the value: the answer is flipped before scoring. */
  reverse: z.boolean(),
});

export const SituationalSchema = z.object({
  id: key,
  kind: z.literal("situational"),
  text: z.string().check(z.minLength(1)),
  question: z.string().check(z.minLength(1)),
  options: z
    .array(
      z.object({
        id: key,
        text: z.string().check(z.minLength(1)),
        /** Points this response earns on one or more values (0-3 each). */
        points: z.record(key, z.number().check(z.minimum(0), z.maximum(3))),
      }),
    )
    .check(z.minLength(3), z.maxLength(4)),
});

export const SurveyItemSchema = z.discriminatedUnion("kind", [StatementSchema, SituationalSchema]);

export const SurveyDefinitionSchema = z.object({
  values: z.array(SurveyValueSchema).check(z.minLength(1)),
  items: z.array(SurveyItemSchema).check(z.minLength(1)),
});

export type SurveyValue = z.infer<typeof SurveyValueSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type Situational = z.infer<typeof SituationalSchema>;
export type SurveyItem = z.infer<typeof SurveyItemSchema>;
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

/** An answer: "1"-"5" for a statement, the chosen option's id for a situational question. */
export type Answers = Record<string, string>;

export type SurveyPage = { kind: "value"; value: SurveyValue; items: Statement[] } | { kind: "situational"; item: Situational };

/** One value's statements per page, in the values' order, then one scenario per page. */
export function surveyPages(definition: SurveyDefinition): SurveyPage[] {
  const pages: SurveyPage[] = [];
  for (const value of definition.values) {
    const items = definition.items.filter((i): i is Statement => i.kind === "statement" && i.value === value.key);
    if (items.length) pages.push({ kind: "value", value, items });
  }
  for (const item of definition.items) if (item.kind === "situational") pages.push({ kind: "situational", item });
  return pages;
}

/** The first page with an unanswered item, or null when every page is answered. */
export function firstUnansweredPage(pages: SurveyPage[], answers: Answers): number | null {
  const index = pages.findIndex((page) => pageItems(page).some((item) => !(item.id in answers)));
  return index === -1 ? null : index;
}

/** The answers one page expects: every item on it, each with a specific message. */
export function pageAnswersSchema(page: SurveyPage) {
  const shape: Record<string, z.ZodMiniType<string>> = {};
  for (const item of pageItems(page)) {
    const allowed = item.kind === "statement" ? Object.keys(LIKERT) : item.options.map((o) => o.id);
    const message = item.kind === "statement" ? `Choose how much you agree with: "${item.text}"` : "Choose what you would do";
    shape[item.id] = z.string({ error: message }).check(z.refine((v) => allowed.includes(v), { error: message }));
  }
  return z.object(shape);
}

export const SurveySettingsSchema = z
  .object({
    threshold: z.coerce
      .number({ error: "Enter a number from 0 to 100" })
      .check(
        z.int({ error: "Enter a whole number from 0 to 100" }),
        z.minimum(0, { error: "Enter a number from 0 to 100" }),
        z.maximum(100, { error: "Enter a number from 0 to 100" }),
      ),
    firstReminderDays: z.coerce
      .number({ error: "Enter a number of days" })
      .check(
        z.int({ error: "Enter a whole number of days" }),
        z.minimum(1, { error: "Send the first reminder after at least 1 day" }),
        z.maximum(30, { error: "Use 30 days or fewer" }),
      ),
    secondReminderDays: z.coerce
      .number({ error: "Enter a number of days" })
      .check(
        z.int({ error: "Enter a whole number of days" }),
        z.minimum(1, { error: "Enter at least 1 day" }),
        z.maximum(30, { error: "Use 30 days or fewer" }),
      ),
  })
  .check(
    z.refine((s) => s.secondReminderDays > s.firstReminderDays, {
      error: "Send the second reminder later than the first",
      path: ["secondReminderDays"],
    }),
  );

export type SurveySettingsInput = z.input<typeof SurveySettingsSchema>;
export type SurveySettingsOutput = z.output<typeof SurveySettingsSchema>;
