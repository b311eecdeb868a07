import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirectDocument } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { OperatorSignInSchema } from "#app/domain/operators/operator.schema.js";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { findOperatorId, signInOperator } from "#app/utils/operator-session.server.js";
import { hitRateLimit } from "#app/utils/rate-limit.server.js";
import { readForm } from "#app/utils/form.server.js";
import { parseForm } from "#app/utils/validation.js";

export const meta: MetaFunction = () => [{ title: "Operator sign in" }, { name: "robots", content: "noindex" }];

const DASHBOARD = "/ops/queues";
/** Back to the dashboard page the operator asked for; anywhere else is not an operator's page. */
const backTo = (to: unknown) => (typeof to === "string" && /^\/ops\/queues(\/[\w\-/%.?=&]*)?$/.test(to) ? to : DASHBOARD);

export async function loader({ request }: LoaderFunctionArgs) {
  // redirectDocument: the dashboard is not a Remix page (server.ts serves it), so the browser must load it.
  if (await findOperatorId(request.headers.get("Cookie"))) throw redirectDocument(DASHBOARD);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const result = parseForm(await readForm(request), OperatorSignInSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, email: result.values.email ?? "" }, { status: 400 });
  const { email, password, redirectTo } = result.data;
  const allowed = (await hitRateLimit("opsSignInByIp", context.clientIp ?? "unknown")) && (await hitRateLimit("opsSignInByEmail", email));
  if (!allowed) {
    return Response.json({ fieldErrors: { email: "Too many attempts. Wait 15 minutes, then try again." }, email }, { status: 429 });
  }
  const cookie = await signInOperator(email, password);
  if (!cookie) return Response.json({ fieldErrors: { password: "The email address or password is not right" }, email }, { status: 400 });
  return redirectDocument(backTo(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function OperatorSignIn() {
  const actionData = useActionData<{ fieldErrors: Record<string, string>; email: string }>();
  const [params] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="narrow">
      <h1>Operator sign in</h1>
      <p>For the people who run Circle Hire itself. Staff of a care provider sign in on the staff sign-in page.</p>
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
    </div>
  );
}
