import { Form } from "@remix-run/react";
import { ErrorSummary, SelectField, TextArea, TextField } from "#app/components/forms.js";
import { CONTRACT_TYPES } from "#app/domain/vacancies/vacancy.schema.js";

const ORDER = [
  "form",
  "title",
  "teamId",
  "town",
  "postcode",
  "hours",
  "payFrom",
  "payTo",
  "contractType",
  "closesOn",
  "summary",
  "description",
];

/** The lead's vacancy form (drafting and editing); works without JavaScript. */
export function VacancyForm({
  teams,
  values,
  errors,
  submitLabel,
  today,
}: {
  teams: { id: string; name: string }[];
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  submitLabel: string;
  today: string;
}) {
  const summary = Object.fromEntries(ORDER.map((name) => [name, errors[name]]));
  return (
    <Form method="post" noValidate className="stack">
      <ErrorSummary errors={summary} />
      <TextField name="title" label="Job title" hint="Plain words, like Care worker." error={errors.title} defaultValue={values.title} />
      <SelectField
        name="teamId"
        label="Team"
        placeholder="Choose a team"
        options={Object.fromEntries(teams.map((t) => [t.id, t.name]))}
        error={errors.teamId}
        defaultValue={values.teamId}
      />
      <TextField name="town" label="Town" error={errors.town} defaultValue={values.town} />
      <TextField name="postcode" label="Postcode" autoComplete="off" error={errors.postcode} defaultValue={values.postcode} />
      <TextField
        name="hours"
        label="Hours"
        hint="For example: 20 to 30 hours a week, days and evenings."
        error={errors.hours}
        defaultValue={values.hours}
      />
      <TextField
        name="payFrom"
        label="Pay per hour, in pounds"
        hint="For example: 12.60"
        inputMode="decimal"
        error={errors.payFrom}
        defaultValue={values.payFrom}
      />
      <TextField
        name="payTo"
        label="Top of the pay range per hour, in pounds (optional)"
        hint="Leave empty when there is one rate."
        inputMode="decimal"
        error={errors.payTo}
        defaultValue={values.payTo}
      />
      <SelectField
        name="contractType"
        label="Contract"
        placeholder="Choose one"
        options={CONTRACT_TYPES}
        error={errors.contractType}
        defaultValue={values.contractType}
      />
      <TextField
        name="closesOn"
        type="date"
        label="Closing date"
        hint="The last day it takes applications. It closes by itself after that day."
        min={today}
        error={errors.closesOn}
        defaultValue={values.closesOn}
      />
      <TextArea
        name="summary"
        label="Summary"
        hint="One or two sentences, values first: what kind of person will love this job."
        error={errors.summary}
        defaultValue={values.summary}
      />
      <TextArea
        name="description"
        label="Description"
        hint="Plain paragraphs, with an empty line between them: the work, the team, the support, what we ask."
        error={errors.description}
        defaultValue={values.description}
      />
      <button type="submit" name="intent" value="save" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
