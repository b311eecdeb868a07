import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { StaffSignInSchema } from "#app/domain/auth/auth.schema.js";
import { signIn } from "#app/utils/staff-sign-in.server.js";
import { staffLandingPath } from "#app/utils/tenant.server.js";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { signInLimit } from "#app/utils/rate-limit.server.js";
import { getSession, safeRedirect } from "#app/utils/session.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Staff sign in" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (session?.userId && session.role)
    throw redirect(await staffLandingPath({ orgId: session.orgId, userId: session.userId, role: session.role }));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const result = parseForm(await readForm(request), StaffSignInSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, email: result.values.email ?? "" }, { status: 400 });
  const { email, password, redirectTo } = result.data;
  const limit = await signInLimit(email, context.clientIp ?? "unknown");
  const wait = await limit.blockedForMinutes();
  if (wait) {
    const when = wait > 90 ? `${Math.ceil(wait / 60)} hours` : wait === 1 ? "a minute" : `${wait} minutes`;
    return Response.json({ fieldErrors: { email: `Too many attempts. Wait ${when}, then try again.` }, email }, { status: 429 });
  }
  const cookie = await signIn(email, password);
  if (!cookie) {
    await limit.failed();
    return Response.json({ fieldErrors: { password: "The email address or password is not right" }, email }, { status: 400 });
  }
  await limit.succeeded();
  return redirect(safeRedirect(redirectTo, "/sign-in"), { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const actionData = useActionData<{ fieldErrors: Record<string, string>; email: string }>();
  const [params] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="narrow">
      <h1>Staff sign in</h1>
      <p>For people who work for a care provider. Applying for a job? You do not need to sign in here.</p>
      {params.get("reset") ? (
        <p className="notice" role="status">
          Your password has changed. Sign in with your new password.
        </p>
      ) : null}
      <Form method="post" noValidate className="stack">
        <ErrorSummary errors={errors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          error={errors.email}
          defaultValue={actionData?.email}
        />
        <TextField name="password" type="password" label="Password" autoComplete="current-password" error={errors.password} />
        <button type="submit" className="button">
          Sign in
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </div>
  );
}
