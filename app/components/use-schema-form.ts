import { type FormEvent, useEffect, useState } from "react";
import type * as z from "zod/mini";
import { formValues } from "#app/utils/form-values.js";

/** A schema, or (on candidate pages) a function that imports it, so zod loads after the page. */
export type SchemaSource = z.ZodMiniType | (() => Promise<z.ZodMiniType>);
type Check = (values: Record<string, string | string[]>) => Record<string, string>;

/**
 * Checks a form in the browser with the same zod schema the server action uses, before it is
 * sent: on a problem it stops the submit and returns the messages; after that it re-checks as
 * the person corrects the fields. The inputs stay uncontrolled, so what was typed is never lost.
 *
 * Candidate pages use this instead of react-hook-form: the page must stay under its 100 KiB
 * JavaScript budget, and react-hook-form alone is 14 KiB gzipped (see bench/README.md). They pass
 * the schema as a function that imports it: zod (9 KiB) then loads just after the page, not with
 * it. A send before it has loaded goes to the server, which checks it with the same schema.
 * `key` names the schema when the same form shows several (a survey's pages).
 */
export function useSchemaForm(source: SchemaSource, arrayFields: readonly string[] = [], key = "") {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState(false);
  // Whether the browser has checked the form itself (its errors, even none, are then the current ones).
  const [ran, setRan] = useState(false);
  const [checker, setChecker] = useState<{ check: Check } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the schema is the same for a given key
  useEffect(() => {
    let live = true;
    Promise.all([import("#app/utils/schema-check.js"), typeof source === "function" ? source() : source]).then(
      ([{ checkForm }, schema]) => {
        if (live) setChecker({ check: (values) => checkForm(schema, values) });
      },
    );
    return () => {
      live = false;
    };
  }, [key]);
  const check = (form: HTMLFormElement) => {
    const found = checker ? checker.check(formValues(new FormData(form), arrayFields)) : {};
    setErrors(found);
    if (checker) setRan(true);
    return found;
  };
  return {
    errors,
    /**
     * The errors to show: the browser's once it has checked the form, otherwise the server's. A
     * send made before zod had loaded comes back with the server's errors; once the person starts
     * putting them right, the browser's check (with none left, in the end) takes over.
     */
    shown(serverErrors: Record<string, string> | undefined): Record<string, string> {
      return ran ? errors : (serverErrors ?? {});
    },
    onSubmit(event: FormEvent<HTMLFormElement>) {
      setChecked(true);
      if (Object.keys(check(event.currentTarget)).length) event.preventDefault();
    },
    onChange(event: FormEvent<HTMLFormElement>) {
      if (checked) check(event.currentTarget);
    },
  };
}
