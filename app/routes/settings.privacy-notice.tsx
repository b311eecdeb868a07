import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, TextArea } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { currentPrivacyNotice, publishPrivacyNotice } from "#app/domain/privacy/privacy-notice.server.js";
import { PrivacyNoticeSchema } from "#app/domain/privacy/privacy.schema.js";
import { findOrganisationById } from "#db/queries/organisations.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Privacy notice" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request, MANAGE_ROLES);
  return scoped(async (trx) => ({ ...(await currentPrivacyNotice(trx)), slug: (await findOrganisationById(trx, staff.orgId)).slug }));
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const result = parseForm(await readForm(request), PrivacyNoticeSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  const { version } = await run(({ trx }) => publishPrivacyNotice(trx, result.data.body, { userId: staff.userId, name: staff.name }));
  return redirect(`/settings/privacy-notice?published=${version}`);
}

export default function PrivacyNoticeSettings() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const form = useSchemaForm(PrivacyNoticeSchema);
  const errors = Object.keys(form.errors).length ? form.errors : (actionData?.fieldErrors ?? {});
  return (
    <div className="narrow">
      <h1>Privacy notice</h1>
      <p className="lede">
        What candidates read before they apply. Publishing makes a new version; every application records the version its candidate agreed
        to, and earlier versions are kept.
      </p>
      {params.get("published") ? (
        <p className="notice" role="status">
          Version {params.get("published")} published.
        </p>
      ) : null}
      <p>
        Now: version {data.version === 0 ? "1, our standard notice" : data.version}.{" "}
        <a href={`/o/${data.slug}/privacy`}>See it as candidates do</a>
      </p>
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        <TextArea
          name="body"
          label="The notice"
          hint="Plain paragraphs, with an empty line between them. Say what you keep, why, who sees it, how long, and people's rights."
          error={errors.body}
          defaultValue={actionData?.values?.body ?? data.body}
        />
        <button type="submit" className="button">
          Publish a new version
        </button>
      </Form>
    </div>
  );
}
