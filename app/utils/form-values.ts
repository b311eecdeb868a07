// No zod here: the browser loads this with every form, and zod only when a form is checked.

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
