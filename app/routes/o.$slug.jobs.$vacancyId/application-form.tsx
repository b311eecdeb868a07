import { Form, useActionData, useNavigation, useParams } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, SelectField, TextArea, TextField } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { ADJUSTMENTS, APPLICATION_ARRAY_FIELDS, AVAILABILITY, SOURCES } from "#app/domain/applications/application-options.js";
import type { FieldErrors } from "#app/utils/validation.js";

type ActionData = { fieldErrors: FieldErrors; values: Record<string, string | string[]> };

const FIELD_ORDER = [
  "form",
  "fullName",
  "email",
  "phone",
  "location",
  "availability",
  "experience",
  "source",
  "rightToWork",
  "adjustments",
  "adjustmentsNote",
  "futureJobs",
  "consent",
] as const;

export function ApplicationForm({ defaultSource }: { defaultSource?: string } = {}) {
  const actionData = useActionData<ActionData>();
  const values = (actionData?.values ?? {}) as Partial<Record<string, string | string[]>>;
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  const navigation = useNavigation();
  const { slug } = useParams();
  const form = useSchemaForm(
    () => import("#app/domain/applications/application.schema.js").then((m) => m.ApplicationSchema),
    APPLICATION_ARRAY_FIELDS,
  );
  const submitted = navigation.state === "submitting";
  // The browser's check runs first; the server's answer shows when it was skipped (no JavaScript).
  const errors = form.shown(actionData?.fieldErrors as Record<string, string> | undefined);
  const message = (name: string) => errors[name];
  const summary = Object.fromEntries(FIELD_ORDER.map((name) => [name, message(name)]));

  return (
    <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
      <ErrorSummary errors={summary} />
      <TextField name="fullName" label="Full name" autoComplete="name" error={message("fullName")} defaultValue={text("fullName")} />
      <TextField
        name="email"
        type="email"
        label="Email address"
        hint="We will send you a link to follow your application. We never share it."
        autoComplete="email"
        spellCheck={false}
        error={message("email")}
        defaultValue={text("email")}
      />
      <TextField name="phone" type="tel" label="Phone number" autoComplete="tel" error={message("phone")} defaultValue={text("phone")} />
      <TextField
        name="location"
        label="Town or postcode"
        hint="So we can find a team near you."
        autoComplete="postal-code"
        error={message("location")}
        defaultValue={text("location")}
      />
      <ChoiceGroup
        name="availability"
        type="checkbox"
        label="When could you work?"
        hint="Choose all that apply."
        options={AVAILABILITY}
        error={message("availability")}
        defaultValue={list("availability")}
      />
      <ChoiceGroup
        name="experience"
        type="radio"
        label="Have you worked in care before?"
        hint="Both are welcome. Our teams are half experienced people and half people new to care."
        options={{ experienced: "Yes, I have worked in care", new_to_care: "No, I would be new to care" }}
        error={message("experience")}
        defaultValue={text("experience")}
      />
      <SelectField
        name="source"
        label="How did you hear about this job?"
        options={SOURCES}
        placeholder="Choose one"
        error={message("source")}
        defaultValue={text("source") || defaultSource}
      />
      <ChoiceGroup
        name="rightToWork"
        type="radio"
        label="Do you have the right to work in the UK?"
        options={{ yes: "Yes", no: "No" }}
        error={message("rightToWork")}
        defaultValue={text("rightToWork")}
      />
      <ChoiceGroup
        name="adjustments"
        type="checkbox"
        label="Would anything make the next steps easier for you? (optional)"
        hint="Everyone you meet with us will see this, so they can help."
        options={ADJUSTMENTS}
        error={message("adjustments")}
        defaultValue={list("adjustments")}
      />
      <TextArea
        name="adjustmentsNote"
        label="Anything else we can do to help? (optional)"
        error={message("adjustmentsNote")}
        defaultValue={text("adjustmentsNote")}
      />
      <ChoiceGroup
        name="futureJobs"
        type="checkbox"
        label="Other jobs (optional)"
        hint="If this job is not right for you, we can tell you about others. We then keep your details for longer."
        options={{ yes: "Tell me about other jobs with you" }}
        error={message("futureJobs")}
        defaultValue={text("futureJobs")}
      />
      <ChoiceGroup
        name="consent"
        type="checkbox"
        label="Your information"
        hint={
          <>
            We use your answers only to consider you for jobs with us.{" "}
            <a href={`/o/${slug}/privacy`} target="_blank" rel="noreferrer">
              Read the privacy notice (opens in a new tab)
            </a>
            .
          </>
        }
        options={{ yes: "I have read the privacy notice and agree to you using my answers this way" }}
        error={message("consent")}
        defaultValue={text("consent")}
      />
      <button type="submit" className="button" disabled={submitted}>
        {submitted ? "Sending…" : "Send my application"}
      </button>
    </Form>
  );
}
