import * as z from "zod/mini";
import { plainText } from "#app/utils/validation.js";
import type { SurveyDefinition } from "./survey.schema.js";

// The survey editor's form: one input per editable text or number, named by its place in the
// definition (values.<key>.name, items.<id>.text, items.<id>.options.<id>.text, ...).

const text = (message: string) =>
  z
    .string({ error: message })
    .check(z.trim(), z.minLength(1, { error: message }), z.maxLength(500, { error: "Use 500 characters or fewer" }), plainText());
const weight = z.coerce
  .number({ error: "Enter a weight from 0 to 10" })
  .check(z.minimum(0, { error: "Enter a weight from 0 to 10" }), z.maximum(10, { error: "Enter a weight from 0 to 10" }));

const FIELD_SCHEMAS = {
  valueName: text("Enter the value's name"),
  valueMeaning: text("Say in one line what the value means"),
  itemText: text("Enter the wording"),
  itemQuestion: text("Enter the question"),
  optionText: text("Enter the answer's wording"),
};

export type EditResult = { definition: SurveyDefinition; fieldErrors: Record<string, string> };

/** Applies the submitted editor form to a definition; every problem is reported at its field. */
export function applySurveyEdits(current: SurveyDefinition, form: Record<string, string | string[]>): EditResult {
  const definition = structuredClone(current);
  const fieldErrors: Record<string, string> = {};
  const read = <T>(name: string, schema: z.ZodMiniType<T>, fallback: T): T => {
    const raw = form[name];
    if (raw === undefined) return fallback;
    const parsed = z.safeParse(schema, raw);
    if (parsed.success) return parsed.data;
    fieldErrors[name] = parsed.error.issues[0]?.message ?? "Check this field";
    return fallback;
  };
  const valueKeys = new Set(definition.values.map((v) => v.key));
  for (const value of definition.values) {
    value.name = read(`values.${value.key}.name`, FIELD_SCHEMAS.valueName, value.name);
    value.meaning = read(`values.${value.key}.meaning`, FIELD_SCHEMAS.valueMeaning, value.meaning);
    value.weight = read(`values.${value.key}.weight`, weight, value.weight);
  }
  for (const item of definition.items) {
    item.text = read(`items.${item.id}.text`, FIELD_SCHEMAS.itemText, item.text);
    if (item.kind === "statement") {
      const chosen = form[`items.${item.id}.value`];
      if (typeof chosen === "string" && valueKeys.has(chosen)) item.value = chosen;
      if (`items.${item.id}.text` in form) item.reverse = form[`items.${item.id}.reverse`] === "yes";
    } else {
      item.question = read(`items.${item.id}.question`, FIELD_SCHEMAS.itemQuestion, item.question);
      for (const option of item.options) {
        option.text = read(`items.${item.id}.options.${option.id}.text`, FIELD_SCHEMAS.optionText, option.text);
      }
    }
  }
  if (definition.values.every((v) => v.weight === 0))
    fieldErrors[`values.${definition.values[0].key}.weight`] = "At least one value needs a weight above 0";
  return { definition, fieldErrors };
}

/** A new, empty-worded statement for a value; the lead writes it before publishing. */
export function addStatement(definition: SurveyDefinition, valueKey: string, id: string): SurveyDefinition {
  const next = structuredClone(definition);
  const at = next.items.findLastIndex((i) => i.kind === "statement" && i.value === valueKey);
  next.items.splice(at + 1, 0, { id, kind: "statement", value: valueKey, text: "New statement: write it here", reverse: false });
  return next;
}

/** Removes a statement, keeping at least one per value. */
export function removeStatement(definition: SurveyDefinition, id: string): { definition: SurveyDefinition; error?: string } {
  const item = definition.items.find((i) => i.id === id);
  if (item?.kind !== "statement") return { definition, error: "Only statements can be removed." };
  const siblings = definition.items.filter((i) => i.kind === "statement" && i.value === item.value);
  if (siblings.length <= 1) return { definition, error: "Each value needs at least one statement." };
  return { definition: { ...definition, items: definition.items.filter((i) => i.id !== id) } };
}
