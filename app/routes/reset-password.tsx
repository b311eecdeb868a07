import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ResetPasswordSchema } from "#app/domain/auth/password.schema.js";
import { isResetLinkValid, resetPassword } from "#app/domain/auth/password.server.js";
import { PASSWORD_MIN } from "#app/domain/organisations/organisation.schema.js";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { readForm } from "#app/utils/form.server.js";
import { hashPassword } from "#app/utils/password.server.js";
import { resetLinkScope } from "#app/utils/password-reset.server.js";
import { parseForm } from "#app/utils/validation.js";

export const meta: MetaFunction = () => [{ title: "Choose a new password" }];

const USED = "This link has been used or has expired. Ask for a new one.";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const scope = await resetLinkScope(token);
  const valid = Boolean(scope && token && (await scope.scoped((trx) => isResetLinkValid(trx, token))));
  return { token: valid ? token : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const result = parseForm(await readForm(request), ResetPasswordSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors }, { status: 400 });
  const scope = await resetLinkScope(result.data.token);
  const passwordHash = await hashPassword(result.data.password);
  const user = scope ? await scope.run((ctx) => resetPassword(ctx, { token: result.data.token, passwordHash })) : null;
  if (!user) return Response.json({ fieldErrors: { form: USED } }, { status: 410 });
  return redirect("/sign-in?reset=1");
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string> }>();
  const form = useSchemaForm(ResetPasswordSchema);
  const errors = { ...(actionData?.fieldErrors ?? {}), ...form.errors };
  if (!token || errors.form) {
    return (
      <div className="narrow">
        <h1>This link no longer works</h1>
        <p className="lede">{USED}</p>
        <p>
          <Link to="/forgot-password">Email me a new link</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      <p>Every device signed in with your old password will be signed out.</p>
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        <input type="hidden" name="token" value={token} />
        <TextField
          name="password"
          type="password"
          label="New password"
          hint={`At least ${PASSWORD_MIN} characters. A few words you will remember is a good choice.`}
          autoComplete="new-password"
          error={errors.password}
        />
        <button type="submit" className="button">
          Save my new password
        </button>
      </Form>
    </div>
  );
}
