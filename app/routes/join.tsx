import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { PASSWORD_MIN } from "#app/domain/organisations/organisation.schema.js";
import { StaffError } from "#app/domain/staff/staff.errors.js";
import { AcceptInvitationSchema, ROLE_LABELS } from "#app/domain/staff/staff.schema.js";
import { acceptInvitation, peekInvitation } from "#app/domain/staff/invitations.server.js";
import { readForm } from "#app/utils/form.server.js";
import { hashPassword } from "#app/utils/password.server.js";
import { startSession } from "#app/utils/session.server.js";
import { invitationScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";

export const meta: MetaFunction = () => [{ title: "Join your organisation" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = (new URL(request.url).searchParams.get("token") ?? "").slice(0, 200);
  const scope = await invitationScope(token);
  const invitation = scope ? await scope.scoped((trx) => peekInvitation(trx, token)) : null;
  return { token, invitation };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const token = String(form.get("token") ?? "").slice(0, 200);
  const scope = await invitationScope(token);
  if (!scope) return Response.json({ fieldErrors: { form: "This invitation link does not work." }, name: "" }, { status: 410 });
  const result = parseForm(form, AcceptInvitationSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, name: result.values.name ?? "" }, { status: 400 });
  const passwordHash = await hashPassword(result.data.password);
  try {
    const cookie = await scope.run(async (ctx) => {
      const { userId } = await acceptInvitation(ctx, token, { name: result.data.name, passwordHash });
      return startSession(ctx.trx, { userId });
    });
    return redirect("/sign-in", { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof StaffError)
      return Response.json({ fieldErrors: { form: error.message }, name: result.data.name }, { status: 410 });
    throw error;
  }
}

export default function Join() {
  const { token, invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; name: string }>();
  const errors = actionData?.fieldErrors ?? {};
  if (!invitation) {
    return (
      <div className="narrow">
        <h1>This invitation does not work</h1>
        <p>Invitations work once, for 7 days, and an admin may have withdrawn it. Ask your admin to send a new one.</p>
        <p>
          <Link to="/sign-in">Staff sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Join your organisation</h1>
      <p className="lede">
        You have been invited as {ROLE_LABELS[invitation.role].toLowerCase()}, with the email address {invitation.email}. Choose your
        password to finish.
      </p>
      <Form method="post" noValidate className="stack">
        <ErrorSummary errors={errors} />
        <input type="hidden" name="token" value={token} />
        <TextField name="name" label="Your name" autoComplete="name" error={errors.name} defaultValue={actionData?.name} />
        <TextField
          name="password"
          type="password"
          label="Choose a password"
          hint={`At least ${PASSWORD_MIN} characters.`}
          autoComplete="new-password"
          error={errors.password}
        />
        <button type="submit" className="button">
          Join
        </button>
      </Form>
    </div>
  );
}
