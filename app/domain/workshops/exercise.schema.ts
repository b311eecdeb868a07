import * as z from "zod/mini";

export const SCORE_LEVELS = ["1", "2", "3", "4"] as const;
export const MAX_CRITERIA = 8;
/** A criterion's key names its fields (`<key>.name`), so it is kept to letters, digits and `_`. */
export const CRITERION_KEY = /^[a-z][a-z0-9_]{0,39}$/;
/** The repeated field listing the criteria's keys in their order. */
export const EXERCISE_ARRAY_FIELDS = ["criteria"] as const;

export const criterionField = (key: string, field: "name" | "value" | `level${(typeof SCORE_LEVELS)[number]}`) => `${key}.${field}`;

const text = (message: string, max = 500) =>
  z
    .string({ error: message })
    .check(z.trim(), z.minLength(1, { error: message }), z.maxLength(max, { error: `Use ${max} characters or fewer` }));

export type ExerciseCriterionInput = {
  key: string;
  criterion: string;
  value: string;
  levels: Record<(typeof SCORE_LEVELS)[number], string>;
};
export type ExerciseInput = { title: string; brief: string; criteria: ExerciseCriterionInput[] };

type Issue = { path: string; message: string };

function checkText(issues: Issue[], path: string, raw: unknown, message: string, max: number) {
  const value = typeof raw === "string" ? raw.trim() : "";
  if (!value) issues.push({ path, message });
  else if (value.length > max) issues.push({ path, message: `Use ${max} characters or fewer` });
  return value;
}

/**
 * A scenario exercise as the form sends it: a title, a brief, and `criteria` (the criteria's keys,
 * in order), each criterion with `<key>.name`, `<key>.value` and `<key>.level1`..`level4` (what each
 * score means). Each message is keyed by its field's name, so it shows next to the field and in
 * the error summary. The same schema checks the form in the browser and in the action.
 */
export const ExerciseSchema = z.pipe(
  z
    .looseObject({
      title: text("Enter a title", 120),
      brief: text("Write the brief the candidates get", 2000),
      criteria: z
        .array(z.string())
        .check(
          z.minLength(1, { error: "Add at least one criterion" }),
          z.maxLength(MAX_CRITERIA, { error: `Use ${MAX_CRITERIA} criteria or fewer` }),
        ),
    })
    .check(
      z.superRefine((form, ctx) => {
        const record = form as Record<string, unknown>;
        const keys = Array.isArray(form.criteria) ? form.criteria : [];
        const names = new Map<string, string>();
        for (const key of keys) {
          if (!CRITERION_KEY.test(key)) {
            ctx.issues.push({ code: "custom", path: ["criteria"], message: "Edit the criteria with this form's buttons", input: key });
            continue;
          }
          const issues: Issue[] = [];
          const name = checkText(
            issues,
            criterionField(key, "name"),
            record[criterionField(key, "name")],
            "Name what the assessors look for",
            200,
          );
          checkText(issues, criterionField(key, "value"), record[criterionField(key, "value")], "Choose the value it shows", 60);
          for (const level of SCORE_LEVELS)
            checkText(
              issues,
              criterionField(key, `level${level}`),
              record[criterionField(key, `level${level}`)],
              `Describe what a ${level} looks like`,
              500,
            );
          const same = name ? names.get(name.toLowerCase()) : undefined;
          if (same) issues.push({ path: criterionField(key, "name"), message: "Two criteria have this name: give each its own" });
          else if (name) names.set(name.toLowerCase(), key);
          for (const issue of issues) ctx.issues.push({ code: "custom", path: [issue.path], message: issue.message, input: undefined });
        }
        if (new Set(keys).size !== keys.length)
          ctx.issues.push({ code: "custom", path: ["criteria"], message: "Edit the criteria with this form's buttons", input: keys });
      }),
    ),
  z.transform((form): ExerciseInput => {
    const record = form as Record<string, unknown>;
    const field = (name: string) => String(record[name] ?? "").trim();
    return {
      title: form.title,
      brief: form.brief,
      criteria: form.criteria.map((key) => ({
        key,
        criterion: field(criterionField(key, "name")),
        value: field(criterionField(key, "value")),
        levels: {
          "1": field(criterionField(key, "level1")),
          "2": field(criterionField(key, "level2")),
          "3": field(criterionField(key, "level3")),
          "4": field(criterionField(key, "level4")),
        },
      })),
    };
  }),
);

/** The form's fields for an exercise's wording, to fill the form from a saved version. */
export function exerciseFormValues(exercise: ExerciseInput): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {
    title: exercise.title,
    brief: exercise.brief,
    criteria: exercise.criteria.map((c) => c.key),
  };
  for (const c of exercise.criteria) {
    values[criterionField(c.key, "name")] = c.criterion;
    values[criterionField(c.key, "value")] = c.value;
    for (const level of SCORE_LEVELS) values[criterionField(c.key, `level${level}`)] = c.levels[level];
  }
  return values;
}
