import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { EmailLinkSchema } from "#app/domain/auth/auth.schema.js";
import { RESET_LINK_MINUTES } from "#app/domain/auth/password.server.js";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { readForm } from "#app/utils/form.server.js";
import { requestReset } from "#app/utils/password-reset.server.js";
import { parseForm } from "#app/utils/validation.js";

export const meta: MetaFunction = () => [{ title: "Reset your password" }];

/** The same answer whether or not we know the email (and when the request was rate-limited). */
export async function action({ request, context }: ActionFunctionArgs) {
  const result = parseForm(await readForm(request), EmailLinkSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values, sent: false }, { status: 400 });
  await requestReset(result.data.email, context.clientIp ?? "unknown");
  return { fieldErrors: {}, values: {}, sent: true };
}

export default function ForgotPassword() {
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string>; sent: boolean }>();
  if (actionData?.sent) {
    return (
      <div className="narrow">
        <h1>Check your email</h1>
        <p className="lede">If that email address has a staff account, we have sent it a link to choose a new password.</p>
        <p>The link works once, for {RESET_LINK_MINUTES} minutes. If it does not arrive, check your junk folder.</p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </div>
    );
  }
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="narrow">
      <h1>Reset your password</h1>
      <p>Enter the email address you sign in with. We will email you a link to choose a new password.</p>
      <Form method="post" noValidate className="stack">
        <ErrorSummary errors={errors} />
        <TextField
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          error={errors.email}
          defaultValue={actionData?.values?.email ?? ""}
        />
        <button type="submit" className="button">
          Email me a link
        </button>
      </Form>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}
