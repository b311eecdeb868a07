import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { defaultSenderName, OrganisationDetailsSchema } from "#app/domain/organisations/organisation.schema.js";
import { getOrganisationDetails, updateOrganisationDetails } from "#app/domain/organisations/update-organisation-details.server.js";
import { readForm } from "#app/utils/form.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";

export const meta: MetaFunction = () => [{ title: "Organisation details" }];

const ADMINS = ["admin" as const];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, ADMINS);
  return scoped((trx) => getOrganisationDetails({ trx }));
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, ADMINS);
  const result = parseForm(await readForm(request), OrganisationDetailsSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  await run((ctx) => updateOrganisationDetails(ctx, { userId: staff.userId, name: staff.name }, result.data));
  return redirect("/settings/organisation?saved=1");
}

export default function OrganisationDetails() {
  const details = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const form = useSchemaForm(OrganisationDetailsSchema);
  const errors = Object.keys(form.errors).length ? form.errors : (actionData?.fieldErrors ?? {});
  const value = (name: keyof typeof details) => actionData?.values?.[name] ?? details[name];
  return (
    <div className="narrow">
      <h1>Organisation details</h1>
      <p className="lede">Your name as candidates and staff see it, and who they hear from when we email them for you.</p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        <TextField
          name="name"
          label="Organisation name"
          hint="On your careers page, job adverts and every email."
          autoComplete="organization"
          error={errors.name}
          defaultValue={value("name")}
        />
        <TextField
          name="contactEmail"
          type="email"
          label="Public contact email (optional)"
          hint="When a candidate or a colleague replies to one of our emails, the reply goes here. Leave it empty and replies are not delivered."
          autoComplete="email"
          spellCheck={false}
          error={errors.contactEmail}
          defaultValue={value("contactEmail")}
        />
        <TextField
          name="senderName"
          label="Sender name (optional)"
          hint={`The name people see an email is from. Leave it empty for "${defaultSenderName(details.name)}".`}
          error={errors.senderName}
          defaultValue={value("senderName")}
        />
        <button type="submit" className="button">
          Save
        </button>
      </Form>
    </div>
  );
}
