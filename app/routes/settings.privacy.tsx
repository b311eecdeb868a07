import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, TextArea, TextField } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { DECLINE_STAGE_LABELS, DECLINE_STAGES, DEFAULT_DECLINE_WORDS } from "#app/domain/applications/outcome-words.js";
import { savePrivacySettings } from "#app/domain/privacy/privacy-settings.server.js";
import { getOrgSettings } from "#app/domain/organisations/org-settings.server.js";
import { PrivacySettingsSchema } from "#app/domain/privacy/privacy.schema.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Data and privacy settings" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request, MANAGE_ROLES);
  return { settings: await scoped(getOrgSettings), admin: staff.role === "admin" };
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const result = parseForm(await readForm(request), PrivacySettingsSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  await run(({ trx }) => savePrivacySettings(trx, result.data, { userId: staff.userId, name: staff.name }));
  return redirect("/settings/privacy?saved=1");
}

export default function PrivacySettings() {
  const { settings, admin } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const form = useSchemaForm(PrivacySettingsSchema);
  const errors = Object.keys(form.errors).length ? form.errors : (actionData?.fieldErrors ?? {});
  const value = (name: "retentionMonths" | "retentionMonthsFutureJobs" | "staffRetentionMonths") =>
    actionData?.values?.[name] ?? String(settings[name]);
  return (
    <div className="narrow">
      <h1>Data and privacy</h1>
      <p className="lede">How long you keep candidates' and former colleagues' data, and what you tell people when you decline them.</p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        <h2>Keeping candidates' data</h2>
        <p>
          Every night we erase the personal data of candidates whose last application closed (declined or withdrawn) longer ago than this.
          We keep the anonymous counts, so your dashboards do not change. People with an application in progress, people who started and
          people with a legal hold are never erased this way.
        </p>
        <TextField
          name="retentionMonths"
          label="Keep their data for this many months"
          hint="6 months is common practice for unsuccessful candidates."
          inputMode="numeric"
          error={errors.retentionMonths}
          defaultValue={value("retentionMonths")}
        />
        <TextField
          name="retentionMonthsFutureJobs"
          label="For people who asked to hear about future jobs, keep it for this many months"
          inputMode="numeric"
          error={errors.retentionMonthsFutureJobs}
          defaultValue={value("retentionMonthsFutureJobs")}
        />
        <TextField
          name="staffRetentionMonths"
          label="Keep a former colleague's data for this many months after they leave a team or their account is deactivated"
          hint="Then their name and email are replaced. Your team-mix and early-leaver figures stay the same."
          inputMode="numeric"
          error={errors.staffRetentionMonths}
          defaultValue={value("staffRetentionMonths")}
        />
        <h2>The decline email</h2>
        <p>When a lead declines an application, the candidate gets a kind email with these words. Leave a box empty to use ours.</p>
        {DECLINE_STAGES.map((stage) => (
          <TextArea
            key={stage}
            name={`words_${stage}`}
            label={DECLINE_STAGE_LABELS[stage]}
            hint={`Ours: "${DEFAULT_DECLINE_WORDS[stage]}"`}
            error={errors[`words_${stage}`]}
            defaultValue={actionData?.values?.[`words_${stage}`] ?? settings.declineWords[stage] ?? ""}
          />
        ))}
        <button type="submit" className="button">
          Save
        </button>
      </Form>
      {admin ? (
        <>
          <h2>Former colleagues</h2>
          <p>
            <Link to="/settings/former-colleagues">See whose data is held after they left</Link>, download it for them, or erase it sooner.
          </p>
        </>
      ) : null}
    </div>
  );
}
