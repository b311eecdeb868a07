import { type FormEvent, useState } from "react";
import * as z from "zod/mini";
import { fieldErrorsFrom, formValues } from "#app/utils/validation.js";

/**
 * Checks a form in the browser with the same zod schema the server action uses, before it is
 * sent: on a problem it stops the submit and returns the messages; after that it re-checks as
 * the person corrects the fields. The inputs stay uncontrolled, so what was typed is never lost.
 *
 * Candidate pages use this instead of react-hook-form: the page must stay under its 100 KiB
 * JavaScript budget, and react-hook-form alone is 14 KiB gzipped (see bench/README.md).
 */
export function useSchemaForm(schema: z.ZodMiniType, arrayFields: readonly string[] = []) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState(false);
  const check = (form: HTMLFormElement) => {
    const parsed = z.safeParse(schema, formValues(new FormData(form), arrayFields));
    const found = parsed.success ? {} : fieldErrorsFrom(parsed.error);
    setErrors(found);
    return found;
  };
  return {
    errors,
    onSubmit(event: FormEvent<HTMLFormElement>) {
      setChecked(true);
      if (Object.keys(check(event.currentTarget)).length) event.preventDefault();
    },
    onChange(event: FormEvent<HTMLFormElement>) {
      if (checked) check(event.currentTarget);
    },
  };
}
