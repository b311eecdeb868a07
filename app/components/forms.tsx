import { useFetchers, useNavigation } from "@remix-run/react";
import { type InputHTMLAttributes, type MouseEvent, type ReactNode, useEffect, useRef, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useErrorTitle } from "./page-meta.js";

type FieldProps = {
  name: string;
  /** The field's id when several forms on one page share a name (defaults to the name); the error summary links to it. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** react-hook-form's register(name); without JavaScript the plain name/defaultValue still work. */
  registration?: UseFormRegisterReturn;
};

const errorId = (name: string) => `${name}-error`;
const hintId = (name: string) => `${name}-hint`;
const describedBy = (name: string, hint: unknown, error: unknown) =>
  [hint ? hintId(name) : null, error ? errorId(name) : null].filter(Boolean).join(" ") || undefined;

function HintAndError({ name, hint, error }: Pick<FieldProps, "name" | "hint" | "error">) {
  return (
    <>
      {hint ? (
        <span className="hint" id={hintId(name)}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error-message" id={errorId(name)}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
    </>
  );
}

export function TextField({
  name,
  id = name,
  label,
  hint,
  error,
  registration,
  defaultValue,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError name={id} hint={hint} error={error} />
      <input
        id={id}
        name={name}
        type="text"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
        {...registration}
      />
    </div>
  );
}

export function TextArea({ name, id = name, label, hint, error, registration, defaultValue }: FieldProps & { defaultValue?: string }) {
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError name={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...registration}
      />
    </div>
  );
}

export function SelectField({
  name,
  id = name,
  label,
  hint,
  error,
  registration,
  defaultValue,
  options,
  placeholder,
}: FieldProps & { defaultValue?: string; options: Record<string, string>; placeholder?: string }) {
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError name={id} hint={hint} error={error} />
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...registration}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radios (one answer) or checkboxes (any number) in a fieldset whose legend is the question. */
export function ChoiceGroup({
  name,
  label,
  hint,
  error,
  registration,
  type,
  options,
  defaultValue,
}: Omit<FieldProps, "id"> & { type: "radio" | "checkbox"; options: Record<string, string>; defaultValue?: string | string[] }) {
  const chosen = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend>{label}</legend>
        <HintAndError name={name} hint={hint} error={error} />
        <div className="choices">
          {Object.entries(options).map(([value, text], index) => {
            // The first option carries the field's id, so the error summary's link lands on it.
            const id = index === 0 ? name : `${name}-${value}`;
            return (
              <div className="choice" key={value}>
                <input id={id} type={type} name={name} value={value} defaultChecked={chosen.has(value)} {...registration} />
                <label htmlFor={id}>{text}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * Lists every problem at the top of its form, each linking to its field. It takes focus once per
 * failed send, so screen readers hear it, and never while the person corrects a field: moving
 * focus then would send the rest of their typing nowhere. Without JavaScript, the page opens at
 * it (`autofocus` on the server's HTML, which the browser scrolls into view).
 */
export function ErrorSummary({ errors, labels }: { errors: Record<string, string | undefined>; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  const key = entries.map((e) => e.join(":")).join("|");
  const [hydrated, setHydrated] = useState(false);
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const idle = navigation.state === "idle" && fetchers.every((f) => f.state === "idle");
  // A send not yet answered, and whether it went to the server (the page was busy) since.
  const awaiting = useRef(false);
  const wentToServer = useRef(false);
  useEffect(() => {
    setHydrated(true);
    // Only a flag, no render: the answer (the browser's check or the server's) renders next.
    const onSubmit = () => {
      awaiting.current = true;
      wentToServer.current = false;
    };
    document.addEventListener("submit", onSubmit, true);
    return () => document.removeEventListener("submit", onSubmit, true);
  }, []);
  // Runs whenever the errors are rendered anew. The send is answered when the browser's check
  // stopped it (errors, nothing sent) or the server's answer is in (idle again after busy).
  // Corrections after that re-check the form but never move focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: errors is a dependency on purpose: each check renders it anew
  useEffect(() => {
    if (!awaiting.current) return;
    if (!idle) {
      wentToServer.current = true;
      return;
    }
    if (key) ref.current?.focus();
    if (key || wentToServer.current) awaiting.current = false;
  }, [errors, idle, key]);
  useErrorTitle(entries.length > 0);
  if (!entries.length) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      ref={ref}
      // Only in the server's HTML (a send without JavaScript): the page opens at the summary.
      // Once the page runs JavaScript, focus follows sends (above).
      // biome-ignore lint/a11y/noAutofocus: it appears only as the answer to a failed send, as GOV.UK's summary takes focus
      autoFocus={!hydrated}
    >
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${name}`} onClick={(event) => focusField(event, name)}>
              {labels?.[name] ? `${labels[name]}: ${message}` : message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Scrolls the field (with its label or question) into view, then focuses it. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  (field.closest(".field") ?? field).scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
}
