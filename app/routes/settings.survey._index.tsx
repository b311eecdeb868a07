import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { getOrgSettings } from "#app/domain/organisations/org-settings.server.js";
import { updateOrgSettings } from "#app/domain/organisations/update-org-settings.server.js";
import { SurveySettingsSchema, type SurveySettingsInput, type SurveySettingsOutput } from "#app/domain/survey/survey.schema.js";
import { findDraftSurvey, findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Values survey settings" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  return scoped(async (trx) => {
    const [live, draft, settings] = await Promise.all([findLiveSurvey(trx), findDraftSurvey(trx), getOrgSettings(trx)]);
    const answered = await trx
      .selectFrom("surveyResponses")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("versionId", "=", live.id)
      .executeTakeFirstOrThrow();
    const values = live.definition.values.map((v) => ({
      ...v,
      statements: live.definition.items.filter((i) => i.kind === "statement" && i.value === v.key).length,
    }));
    return {
      live: { version: live.version, values, items: live.definition.items.length, answered: Number(answered.n) },
      draftVersion: draft?.version ?? null,
      settings,
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const result = parseForm(await readForm(request), SurveySettingsSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  const { threshold, firstReminderDays, secondReminderDays } = result.data;
  await run((ctx) =>
    updateOrgSettings(ctx, { userId: staff.userId, name: staff.name }, "survey", {
      surveyThreshold: threshold,
      surveyReminderDays: [firstReminderDays, secondReminderDays],
    }),
  );
  return redirect("/settings/survey?saved=1");
}

export default function SurveySettings() {
  const { live, draftVersion, settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const value = (name: string, fallback: number) => actionData?.values?.[name] ?? String(fallback);
  // Staff pages have no JavaScript budget, so this form uses react-hook-form with the same schema
  // the action parses (candidate pages use the lighter useSchemaForm).
  const submit = useSubmit();
  const {
    register,
    handleSubmit,
    formState: { errors: clientErrors },
  } = useForm<SurveySettingsInput, unknown, SurveySettingsOutput>({ resolver: zodResolver(SurveySettingsSchema), shouldFocusError: false });
  const errors: Record<string, string | undefined> = {
    threshold: clientErrors.threshold?.message ?? actionData?.fieldErrors.threshold,
    firstReminderDays: clientErrors.firstReminderDays?.message ?? actionData?.fieldErrors.firstReminderDays,
    secondReminderDays: clientErrors.secondReminderDays?.message ?? actionData?.fieldErrors.secondReminderDays,
  };
  return (
    <div className="narrow">
      <h1>Values survey</h1>
      <section className="card" aria-labelledby="live-title">
        <h2 id="live-title">The live survey: version {live.version}</h2>
        <p>
          {live.items} questions on {live.values.length} values. Answered (or being answered) by {live.answered}{" "}
          {live.answered === 1 ? "person" : "people"}.
        </p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col">Statements</th>
                <th scope="col">Weight in the fit</th>
              </tr>
            </thead>
            <tbody>
              {live.values.map((v) => (
                <tr key={v.key}>
                  <th scope="row">
                    {v.name}
                    <div className="muted">{v.meaning}</div>
                  </th>
                  <td>{v.statements}</td>
                  <td>{v.weight}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          People who have started the survey keep the version they started. Editing makes a new version that goes live when you publish it.
        </p>
        <Link className="button secondary" to="/settings/survey/edit">
          {draftVersion ? `Carry on editing version ${draftVersion}` : "Edit the survey"}
        </Link>
      </section>
      <h2>When someone finishes the survey</h2>
      <Form
        method="post"
        noValidate
        className="stack"
        onSubmit={(event) => {
          const form = event.currentTarget;
          void handleSubmit(() => submit(form))(event);
        }}
      >
        <ErrorSummary errors={errors} />
        <TextField
          name="threshold"
          inputMode="numeric"
          label="Invite to book a workshop at an overall fit of (0-100)"
          hint="Below this, the application goes to your review queue. Nobody is ever turned down automatically."
          error={errors.threshold}
          registration={register("threshold")}
          defaultValue={value("threshold", settings.surveyThreshold)}
        />
        <TextField
          name="firstReminderDays"
          inputMode="numeric"
          label="First reminder, days after applying"
          hint="For people who have not finished the survey."
          error={errors.firstReminderDays}
          registration={register("firstReminderDays")}
          defaultValue={value("firstReminderDays", settings.surveyReminderDays[0] ?? 2)}
        />
        <TextField
          name="secondReminderDays"
          inputMode="numeric"
          label="Second reminder, days after applying"
          error={errors.secondReminderDays}
          registration={register("secondReminderDays")}
          defaultValue={value("secondReminderDays", settings.surveyReminderDays[1] ?? 5)}
        />
        <button type="submit" className="button">
          Save settings
        </button>
      </Form>
    </div>
  );
}
