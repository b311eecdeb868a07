import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { resendConfirmation } from "#app/domain/organisations/confirm-email.server.js";
import { readForm } from "#app/utils/form.server.js";
import { hitRateLimit } from "#app/utils/rate-limit.server.js";
import { safeRedirect } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

/** The banner's button: the signed-in admin asks for a new confirmation link. */
export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, ["admin"]);
  const back = safeRedirect(String((await readForm(request)).get("redirectTo") ?? ""), "/pipeline");
  const to = new URL(back, "http://x");
  if (await hitRateLimit("confirmResendByUser", staff.userId)) {
    await run((ctx) => resendConfirmation(ctx, staff.userId));
    to.searchParams.set("confirmSent", "1");
  } else {
    to.searchParams.set("confirmSent", "wait");
  }
  return redirect(to.pathname + to.search);
}

export const loader = () => redirect("/pipeline");
