import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { endSession } from "#app/utils/session.server.js";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}
