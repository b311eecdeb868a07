import * as z from "zod/mini";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string | string[]> };

/** The form as plain values: repeated names (checkbox groups) become arrays. */
export function formValues(formData: FormData, arrayFields: readonly string[] = []) {
  const values: Record<string, string | string[]> = {};
  for (const name of arrayFields) values[name] = [];
  for (const [name, value] of formData) {
    if (typeof value !== "string" || name.startsWith("_")) continue;
    if (arrayFields.includes(name)) (values[name] as string[]).push(value);
    else values[name] = value;
  }
  return values;
}

/** First message per field, keyed by the field's name, in the schema's field order. */
export function fieldErrorsFrom(error: z.core.$ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? "form");
    errors[name] ??= issue.message;
  }
  return errors;
}

/** Validates a submitted form with the same schema the browser used. */
export function parseForm<S extends z.ZodMiniType>(
  formData: FormData,
  schema: S,
  arrayFields: readonly string[] = [],
): FormResult<z.infer<S>> {
  const values = formValues(formData, arrayFields);
  const parsed = z.safeParse(schema, values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error), values };
}
