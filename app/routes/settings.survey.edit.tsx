import { randomBytes } from "node:crypto";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextArea, TextField } from "#app/components/forms.js";
import { addStatement, applySurveyEdits, removeStatement } from "#app/domain/survey/edit-survey.js";
import { SurveyError } from "#app/domain/survey/survey.errors.js";
import {
  discardDraftSurvey,
  findDraftSurvey,
  findLiveSurvey,
  publishDraftSurvey,
  saveDraftSurvey,
} from "#app/domain/survey/survey-versions.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { formValues } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Edit the values survey" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  return scoped(async (trx) => {
    const [draft, live] = await Promise.all([findDraftSurvey(trx), findLiveSurvey(trx)]);
    return { editing: draft ?? live, isDraft: Boolean(draft), liveVersion: live.version };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, scoped } = await staffScope(request, MANAGE_ROLES);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "save");
  if (intent === "discard") {
    await scoped((trx) => discardDraftSurvey(trx));
    return redirect("/settings/survey");
  }
  return scoped(async (trx) => {
    const current = (await findDraftSurvey(trx)) ?? (await findLiveSurvey(trx));
    const { definition, fieldErrors } = applySurveyEdits(current.definition, formValues(form));
    if (Object.keys(fieldErrors).length) return Response.json({ fieldErrors, values: formValues(form) }, { status: 400 });
    let next = definition;
    if (intent.startsWith("add:")) {
      // Only a value in the survey: any other key would save a statement no page shows.
      const valueKey = intent.slice(4);
      if (!definition.values.some((v) => v.key === valueKey))
        return Response.json(
          { fieldErrors: { form: "Add statements from a value's own button." }, values: formValues(form) },
          { status: 400 },
        );
      next = addStatement(definition, valueKey, `s_${randomBytes(4).toString("hex")}`);
    }
    if (intent.startsWith("remove:")) {
      const removed = removeStatement(definition, intent.slice(7));
      if (removed.error) return Response.json({ fieldErrors: { form: removed.error }, values: formValues(form) }, { status: 400 });
      next = removed.definition;
    }
    try {
      await saveDraftSurvey(trx, next);
      if (intent === "publish") {
        const version = await publishDraftSurvey(trx, { userId: staff.userId, name: staff.name });
        return redirect(`/settings/survey?published=${version}`);
      }
    } catch (error) {
      if (error instanceof SurveyError)
        return Response.json({ fieldErrors: { form: error.message }, values: formValues(form) }, { status: 400 });
      throw error;
    }
    return redirect(intent.startsWith("add:") ? "/settings/survey/edit#last-added" : "/settings/survey/edit?saved=1");
  });
}

export default function EditSurvey() {
  const { editing, isDraft, liveVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const errors = actionData?.fieldErrors ?? {};
  const kept = (name: string, fallback: string) => actionData?.values?.[name] ?? fallback;
  const { values, items } = editing.definition;
  const valueOptions = Object.fromEntries(values.map((v) => [v.key, v.name]));
  return (
    <>
      <p>
        <Link to="/settings/survey">Back to the survey settings</Link>
      </p>
      <h1>Edit the values survey</h1>
      <p className="lede">
        {isDraft
          ? `You are editing version ${editing.version}. Version ${liveVersion} stays live until you publish.`
          : `Your changes will make version ${liveVersion + 1}. Version ${liveVersion} stays live until you publish.`}{" "}
        People who have already started keep the version they started.
      </p>
      <Form method="post" noValidate className="stack">
        {/* Pressing Enter in a field saves: the first submit button in the form is the default one. */}
        <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          Save
        </button>
        <ErrorSummary errors={errors} />
        <h2>Values</h2>
        {values.map((v) => (
          <fieldset key={v.key} className="card">
            <legend>{v.name}</legend>
            <TextField
              name={`values.${v.key}.name`}
              label="Name"
              error={errors[`values.${v.key}.name`]}
              defaultValue={kept(`values.${v.key}.name`, v.name)}
            />
            <TextField
              name={`values.${v.key}.meaning`}
              label="What it means, in one line"
              error={errors[`values.${v.key}.meaning`]}
              defaultValue={kept(`values.${v.key}.meaning`, v.meaning)}
            />
            <TextField
              name={`values.${v.key}.weight`}
              inputMode="decimal"
              label="Weight in the overall fit (0-10)"
              hint="1 for every value weighs them equally; 2 counts a value twice."
              error={errors[`values.${v.key}.weight`]}
              defaultValue={kept(`values.${v.key}.weight`, String(v.weight))}
            />
          </fieldset>
        ))}
        <h2>Statements</h2>
        <p>People rate each statement from "Strongly disagree" to "Strongly agree". A reverse statement counts the other way round.</p>
        {values.map((v) => (
          <section key={v.key} aria-labelledby={`statements-${v.key}`} className="card">
            <h3 id={`statements-${v.key}`}>{v.name}</h3>
            {items
              .filter((i) => i.kind === "statement" && i.value === v.key)
              .map((item) =>
                item.kind === "statement" ? (
                  <fieldset key={item.id} className="stack" id={item.id.startsWith("s_") ? "last-added" : undefined}>
                    <legend className="visually-hidden">Statement {item.id}</legend>
                    <TextArea
                      name={`items.${item.id}.text`}
                      label="Wording"
                      error={errors[`items.${item.id}.text`]}
                      defaultValue={kept(`items.${item.id}.text`, item.text)}
                    />
                    <SelectField name={`items.${item.id}.value`} label="Shows the value" options={valueOptions} defaultValue={item.value} />
                    <div className="choice">
                      <input
                        id={`items.${item.id}.reverse`}
                        type="checkbox"
                        name={`items.${item.id}.reverse`}
                        value="yes"
                        defaultChecked={item.reverse}
                      />
                      <label htmlFor={`items.${item.id}.reverse`}>Reverse: agreeing shows less of the value</label>
                    </div>
                    <button type="submit" name="intent" value={`remove:${item.id}`} className="link-button">
                      Remove this statement
                    </button>
                  </fieldset>
                ) : null,
              )}
            <button type="submit" name="intent" value={`add:${v.key}`} className="button secondary">
              Add a statement for {v.name}
            </button>
          </section>
        ))}
        <h2>Scenarios</h2>
        {items.map((item) =>
          item.kind === "situational" ? (
            <fieldset key={item.id} className="card stack">
              <legend>Scenario {item.id}</legend>
              <TextArea
                name={`items.${item.id}.text`}
                label="The situation"
                error={errors[`items.${item.id}.text`]}
                defaultValue={kept(`items.${item.id}.text`, item.text)}
              />
              <TextField
                name={`items.${item.id}.question`}
                label="The question"
                error={errors[`items.${item.id}.question`]}
                defaultValue={kept(`items.${item.id}.question`, item.question)}
              />
              {item.options.map((option, index) => (
                <TextField
                  key={option.id}
                  name={`items.${item.id}.options.${option.id}.text`}
                  label={`Answer ${index + 1}`}
                  hint={
                    Object.entries(option.points)
                      .map(([key, points]) => `${valueOptions[key] ?? key} +${points}`)
                      .join(", ") || "No points"
                  }
                  error={errors[`items.${item.id}.options.${option.id}.text`]}
                  defaultValue={kept(`items.${item.id}.options.${option.id}.text`, option.text)}
                />
              ))}
            </fieldset>
          ) : null,
        )}
        <div className="button-row">
          <button type="submit" name="intent" value="save" className="button secondary">
            Save as a draft
          </button>
          <button type="submit" name="intent" value="publish" className="button">
            Publish version {isDraft ? editing.version : liveVersion + 1}
          </button>
          {isDraft ? (
            <button type="submit" name="intent" value="discard" className="button warning">
              Discard the draft
            </button>
          ) : null}
        </div>
      </Form>
    </>
  );
}
