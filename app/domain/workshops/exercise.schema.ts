import * as z from "zod/mini";

const text = (message: string, max = 500) =>
  z
    .string({ error: message })
    .check(z.trim(), z.minLength(1, { error: message }), z.maxLength(max, { error: `Use ${max} characters or fewer` }));

/** A new scenario exercise: its brief and up to 3 rubric criteria, each scored 1-4 against a value. */
export const ExerciseSchema = z.object({
  title: text("Enter a title", 120),
  brief: text("Write the brief the candidates get", 2000),
  criterion: text("Name what the assessors look for", 200),
  value: text("Choose the value it shows", 60),
  level1: text("Describe what a 1 looks like"),
  level2: text("Describe what a 2 looks like"),
  level3: text("Describe what a 3 looks like"),
  level4: text("Describe what a 4 looks like"),
});
export type ExerciseInput = z.infer<typeof ExerciseSchema>;
