import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { endOperatorSession } from "#app/utils/operator-session.server.js";

export const meta: MetaFunction = () => [{ title: "Operator sign out" }, { name: "robots", content: "noindex" }];

// The dashboard's "Sign out" link lands here; signing out itself is a POST, so no other site can do it.
export default function OperatorSignOut() {
  return (
    <div className="narrow">
      <h1>Sign out of the operator dashboard</h1>
      <Form method="post">
        <button type="submit" className="button">
          Sign out
        </button>
      </Form>
    </div>
  );
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/ops/sign-in", { headers: { "Set-Cookie": await endOperatorSession(request.headers.get("Cookie")) } });
}
