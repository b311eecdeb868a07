import * as z from "zod/mini";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string | string[]> };

import { formValues } from "./form-values.js";

export { formValues };

/** First message per field, keyed by the field's name, in the schema's field order. */
export function fieldErrorsFrom(error: z.core.$ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? "form");
    errors[name] ??= issue.message;
  }
  return errors;
}

export const UNUSUAL_CHARACTER_MESSAGE = "Remove the unusual character from this answer (it may have come in with copying and pasting)";

/**
 * True when text holds a character no keyboard types and PostgreSQL may refuse: NUL (text columns
 * reject it, which used to be a 500), other control characters except tab and line breaks (a
 * textarea sends CR LF), C1 controls, a lone surrogate, or U+FFFD / U+FFFE / U+FFFF (what
 * invalid UTF-8 bytes decode to). Tab and line breaks are allowed in every field: the form does
 * not say which fields are multi-line, and they are harmless in a single-line one.
 */
export function hasUnusualCharacter(text: string) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
    if (c >= 0x7f && c <= 0x9f) return true;
    if (c >= 0xfffd) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** For text fields checked outside parseForm (the survey editor): the same rule as a zod check. */
export const plainText = () => z.refine<string>((text) => !hasUnusualCharacter(text), { error: UNUSUAL_CHARACTER_MESSAGE });

/** Each submitted field holding an unusual character, with the message to show beside it. */
export function unusualCharacterErrors(values: Record<string, string | string[]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [name, value] of Object.entries(values)) {
    const texts = typeof value === "string" ? [value] : value;
    if (hasUnusualCharacter(name) || texts.some(hasUnusualCharacter)) errors[name] = UNUSUAL_CHARACTER_MESSAGE;
  }
  return errors;
}

/**
 * Validates a submitted form with the same schema the browser used. Unusual characters are
 * refused first, in any field, so they never reach a query whatever the schema allows.
 */
export function parseForm<S extends z.ZodMiniType>(
  formData: FormData,
  schema: S,
  arrayFields: readonly string[] = [],
): FormResult<z.infer<S>> {
  const values = formValues(formData, arrayFields);
  const fieldErrors = unusualCharacterErrors(values);
  const parsed = z.safeParse(schema, values);
  if (parsed.success && !Object.keys(fieldErrors).length) return { ok: true, data: parsed.data };
  // The unusual character is what to fix first, so its message wins over the schema's for that field.
  if (!parsed.success) for (const [name, message] of Object.entries(fieldErrorsFrom(parsed.error))) fieldErrors[name] ??= message;
  return { ok: false, fieldErrors, values };
}
