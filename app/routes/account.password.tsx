import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { ChangePasswordSchema } from "#app/domain/auth/password.schema.js";
import { changePassword } from "#app/domain/auth/password.server.js";
import { PASSWORD_MIN } from "#app/domain/organisations/organisation.schema.js";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { readForm } from "#app/utils/form.server.js";
import { hashPassword, verifyPassword } from "#app/utils/password.server.js";
import { hitRateLimit } from "#app/utils/rate-limit.server.js";
import { startSession } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";

export const meta: MetaFunction = () => [{ title: "Change your password" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await staffScope(request);
  return null;
}

/**
 * Checks the current password, stores the new one, ends every session of the account (other
 * devices are signed out) and starts a new one for this browser.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { staff, scoped, run } = await staffScope(request);
  const result = parseForm(await readForm(request), ChangePasswordSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors }, { status: 400 });
  if (!(await hitRateLimit("changePasswordByUser", staff.userId))) {
    return Response.json({ fieldErrors: { currentPassword: "Too many attempts. Wait 15 minutes, then try again." } }, { status: 429 });
  }
  const stored = await scoped((trx) => trx.selectFrom("users").select("passwordHash").where("id", "=", staff.userId).executeTakeFirst());
  if (!(await verifyPassword(result.data.currentPassword, stored?.passwordHash))) {
    return Response.json({ fieldErrors: { currentPassword: "Your current password is not right" } }, { status: 400 });
  }
  const passwordHash = await hashPassword(result.data.password);
  await run((ctx) => changePassword(ctx, { userId: staff.userId, passwordHash }));
  const cookie = await scoped((trx) => startSession(trx, { userId: staff.userId }));
  return redirect("/account/password?changed=1", { headers: { "Set-Cookie": cookie } });
}

export default function ChangePassword() {
  const actionData = useActionData<{ fieldErrors: Record<string, string> }>();
  const [params] = useSearchParams();
  const form = useSchemaForm(ChangePasswordSchema);
  const errors = Object.keys(form.errors).length ? form.errors : (actionData?.fieldErrors ?? {});
  return (
    <div className="narrow">
      <h1>Change your password</h1>
      {params.get("changed") ? (
        <p className="notice" role="status">
          Your password has changed. Every other device has been signed out, and we have emailed you to say so.
        </p>
      ) : null}
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        <TextField
          name="currentPassword"
          type="password"
          label="Current password"
          autoComplete="current-password"
          error={errors.currentPassword}
        />
        <TextField
          name="password"
          type="password"
          label="New password"
          hint={`At least ${PASSWORD_MIN} characters. A few words you will remember is a good choice.`}
          autoComplete="new-password"
          error={errors.password}
        />
        <button type="submit" className="button">
          Change my password
        </button>
      </Form>
    </div>
  );
}
