import { Form } from "@remix-run/react";
import type { FormEvent } from "react";
import { ErrorSummary, SelectField, TextArea, TextField } from "./forms.js";
import { useSchemaForm } from "./use-schema-form.js";
import { criterionField, EXERCISE_ARRAY_FIELDS, ExerciseSchema, SCORE_LEVELS } from "#app/domain/workshops/exercise.schema.js";

type Values = Record<string, string | string[]>;

/**
 * An exercise's title, brief and criteria, each with what every score means. Criteria are added,
 * removed and moved with submit buttons (they work without JavaScript; nothing is saved until
 * "save"), and the form is checked with the same schema as the action.
 */
export function ExerciseForm({
  values,
  serverErrors,
  valueOptions,
  submitLabel,
}: {
  values: Values;
  serverErrors: Record<string, string>;
  valueOptions: Record<string, string>;
  submitLabel: string;
}) {
  const check = useSchemaForm(ExerciseSchema, EXERCISE_ARRAY_FIELDS);
  const errors = { ...serverErrors, ...check.errors };
  const text = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : "";
  };
  const keys = Array.isArray(values.criteria) ? values.criteria : [];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Only saving is checked: adding, removing or moving a criterion keeps what is typed, as it is.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === "save") check.onSubmit(event);
  };
  return (
    <Form method="post" noValidate className="stack" onSubmit={onSubmit} onChange={check.onChange}>
      {/* Pressing Enter in a field saves: the first submit button in the form is the default one. */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <ErrorSummary errors={errors} />
      <TextField name="title" label="Title" error={errors.title} defaultValue={text("title")} />
      <TextArea name="brief" label="The brief candidates get" error={errors.brief} defaultValue={text("brief")} />
      <h2 id="criteria">Criteria</h2>
      <p>Assessors score each person from 1 to 4 on every criterion. Say what each score looks like.</p>
      {errors.criteria ? (
        <p className="error-message" id="criteria-error">
          <span className="visually-hidden">Error: </span>
          {errors.criteria}
        </p>
      ) : null}
      {keys.map((key, index) => (
        <fieldset key={key} className="card stack">
          <legend>
            Criterion {index + 1}
            {text(criterionField(key, "name")) ? `: ${text(criterionField(key, "name"))}` : ""}
          </legend>
          <input type="hidden" name="criteria" value={key} />
          <TextField
            name={criterionField(key, "name")}
            label="What the assessors look for"
            error={errors[criterionField(key, "name")]}
            defaultValue={text(criterionField(key, "name"))}
          />
          <SelectField
            name={criterionField(key, "value")}
            label="The value it shows"
            options={valueOptions}
            placeholder="Choose a value"
            error={errors[criterionField(key, "value")]}
            defaultValue={text(criterionField(key, "value"))}
          />
          {SCORE_LEVELS.map((level) => (
            <TextField
              key={level}
              name={criterionField(key, `level${level}`)}
              label={`What a ${level} looks like`}
              error={errors[criterionField(key, `level${level}`)]}
              defaultValue={text(criterionField(key, `level${level}`))}
            />
          ))}
          <div className="button-row">
            {index > 0 ? (
              <button type="submit" name="intent" value={`up:${key}`} className="button secondary">
                Move criterion {index + 1} up
              </button>
            ) : null}
            {index < keys.length - 1 ? (
              <button type="submit" name="intent" value={`down:${key}`} className="button secondary">
                Move criterion {index + 1} down
              </button>
            ) : null}
            {keys.length > 1 ? (
              <button type="submit" name="intent" value={`remove:${key}`} className="button warning">
                Remove criterion {index + 1}
              </button>
            ) : null}
          </div>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="submit" name="intent" value="add" className="button secondary">
          Add a criterion
        </button>
        <button type="submit" name="intent" value="save" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
