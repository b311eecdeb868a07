import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { getOrgSettings } from "#app/domain/organisations/org-settings.server.js";
import { updateOrgSettings } from "#app/domain/organisations/update-org-settings.server.js";
import { MixSettingsSchema } from "#app/domain/teams/mix-settings.schema.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Team mix settings" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  const { mixTarget, mixBandLow, mixBandHigh } = await scoped(getOrgSettings);
  return { mixTarget, mixBandLow, mixBandHigh };
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const result = parseForm(await readForm(request), MixSettingsSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  await run((ctx) => updateOrgSettings(ctx, { userId: staff.userId, name: staff.name }, "mix", result.data));
  return redirect("/settings/mix?saved=1");
}

export default function MixSettings() {
  const settings = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const form = useSchemaForm(MixSettingsSchema);
  const errors = Object.keys(form.errors).length ? form.errors : (actionData?.fieldErrors ?? {});
  const value = (name: keyof typeof settings) => actionData?.values?.[name] ?? String(settings[name]);
  return (
    <div className="narrow">
      <h1>Each team's mix</h1>
      <p className="lede">
        Teams aim for a share of experienced people, the rest new to care. A team outside the band is flagged on the Teams page and in your
        Monday email, with the kind of hire that would bring it back.
      </p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          Saved. Pages use it now; alerts follow at the next nightly check.
        </p>
      ) : null}
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        <TextField
          name="mixTarget"
          label="Target share of experienced people, in percent"
          hint="BelleVie aims for 50: half experienced, half new to care."
          inputMode="numeric"
          error={errors.mixTarget}
          defaultValue={value("mixTarget")}
        />
        <TextField
          name="mixBandLow"
          label="Lowest share still in balance, in percent"
          hint="Below it, the team needs experienced people most."
          inputMode="numeric"
          error={errors.mixBandLow}
          defaultValue={value("mixBandLow")}
        />
        <TextField
          name="mixBandHigh"
          label="Highest share still in balance, in percent"
          hint="Above it, the team needs people new to care most."
          inputMode="numeric"
          error={errors.mixBandHigh}
          defaultValue={value("mixBandHigh")}
        />
        <button type="submit" className="button">
          Save
        </button>
      </Form>
    </div>
  );
}
