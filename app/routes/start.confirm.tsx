import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { confirmOrganisationEmail } from "#app/domain/organisations/confirm-email.server.js";
import { OrganisationError } from "#app/domain/organisations/organisation.errors.js";
import { readForm } from "#app/utils/form.server.js";
import { staffLinkScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "Confirm your email address" }];

// Mail scanners open links: this page only looks. Pressing the button (a POST) uses the link.
export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = String((await readForm(request)).get("token") ?? "").slice(0, 200);
  const scope = await staffLinkScope(token);
  if (!scope) return Response.json({ confirmed: false }, { status: 400 });
  try {
    await scope.run((ctx) => confirmOrganisationEmail(ctx, token));
    return { confirmed: true };
  } catch (error) {
    if (error instanceof OrganisationError) return Response.json({ confirmed: false }, { status: 400 });
    throw error;
  }
}

export default function ConfirmEmail() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ confirmed: boolean }>();
  if (actionData?.confirmed) {
    return (
      <div className="narrow">
        <h1>Your email address is confirmed</h1>
        <p className="lede">Thank you. Your organisation can now publish vacancies.</p>
        <p>
          <Link to="/pipeline">Go to your pipeline</Link>
        </p>
      </div>
    );
  }
  if (actionData || !token) {
    return (
      <div className="narrow">
        <h1>This link does not work</h1>
        <p>Confirmation links work once, for 48 hours. Sign in and use the banner at the top of the page to get a new one.</p>
        <p>
          <Link to="/sign-in">Staff sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Confirm your email address</h1>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          Confirm my email address
        </button>
      </Form>
    </div>
  );
}
