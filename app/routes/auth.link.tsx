import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { peekSignInLink, sendFreshLink, redeemSignInLink } from "#app/utils/candidate-links.server.js";
import { hitRateLimit } from "#app/utils/rate-limit.server.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Sign in" }];

// Mail scanners open links: this page only looks. Pressing the button (a POST) uses the link.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const found = await peekSignInLink(token);
  return { token, state: found.state };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const token = String(form.get("token") ?? "");
  if (form.get("intent") === "fresh") {
    if (await hitRateLimit("freshLinkByIp", context.clientIp ?? "unknown")) {
      await sendFreshLink(token);
    }
    return { fresh: true, failed: false };
  }
  const signedIn = await redeemSignInLink(token);
  if (!signedIn) return { fresh: false, failed: true };
  return redirect(signedIn.nextPath, { headers: { "Set-Cookie": signedIn.cookie } });
}

export default function AuthLink() {
  const { token, state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.fresh) {
    return (
      <div className="narrow">
        <h1>Check your email</h1>
        <p className="lede">We have sent you a new sign-in link. It works once, for 10 minutes.</p>
      </div>
    );
  }
  if (state === "usable" && !actionData?.failed) {
    return (
      <div className="narrow">
        <h1>Sign in to see your application</h1>
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            Continue
          </button>
        </Form>
      </div>
    );
  }
  if (state === "unknown") {
    return (
      <div className="narrow">
        <h1>This link does not work</h1>
        <p>Check you used the whole link from the email, or ask for a new one.</p>
        <p>
          <Link to="/me">Get a new sign-in link</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>This link has expired</h1>
      <p>Sign-in links work once, for 10 minutes, to keep your details safe.</p>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <button type="submit" name="intent" value="fresh" className="button">
          Email me a new link
        </button>
      </Form>
    </div>
  );
}
