import { EXERCISE_ARRAY_FIELDS, type ExerciseInput, ExerciseSchema } from "#app/domain/workshops/exercise.schema.js";
import { rearrangeCriteria, withNewCriterion } from "#app/domain/workshops/exercise-form.js";
import { ExerciseError, newCriterionKey } from "#app/domain/workshops/exercises.server.js";
import { formValues, parseForm } from "./validation.js";

/**
 * The exercise form's action, for adding and editing: "add", "remove:", "up:" and "down:" send the
 * form back rearranged (nothing saved, nothing typed lost); "save" checks it with the form's schema
 * and calls `save`, whose refusal (a title in use) shows next to its field.
 */
export async function exerciseFormAction(form: FormData, save: (input: ExerciseInput) => Promise<Response>) {
  const intent = String(form.get("intent") ?? "save");
  const result = parseForm(form, ExerciseSchema, EXERCISE_ARRAY_FIELDS);
  if (intent === "add" || /^(remove|up|down):/.test(intent)) {
    const values = formValuesOf(form);
    return Response.json({ values: intent === "add" ? withNewCriterion(values, newCriterionKey()) : rearrangeCriteria(values, intent) });
  }
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  try {
    return await save(result.data);
  } catch (error) {
    if (error instanceof ExerciseError)
      return Response.json({ fieldErrors: { [error.field]: error.message }, values: formValuesOf(form) }, { status: 400 });
    throw error;
  }
}

function formValuesOf(form: FormData) {
  const { intent: _, ...values } = formValues(form, EXERCISE_ARRAY_FIELDS);
  return values;
}
