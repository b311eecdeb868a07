import * as z from "zod/mini";
import { type FieldErrors, fieldErrorsFrom } from "./validation.js";

/** The form's values checked against its schema: the first message per field, or none. */
export function checkForm(schema: z.ZodMiniType, values: Record<string, string | string[]>): FieldErrors {
  const parsed = z.safeParse(schema, values);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
}
