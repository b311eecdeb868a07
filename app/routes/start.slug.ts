import type { LoaderFunctionArgs } from "@remix-run/node";
import { slugProblem } from "#app/domain/organisations/organisation.schema.js";
import { hitRateLimit } from "#app/utils/rate-limit.server.js";
import { slugTaken } from "#app/utils/tenant.server.js";

/** Resource route for the sign-up form: is this web address allowed and free? (The form checks again on submit.) */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const slug = (new URL(request.url).searchParams.get("slug") ?? "").trim().toLowerCase();
  if (!(await hitRateLimit("slugCheckByIp", context.clientIp ?? "unknown"))) {
    return Response.json({ slug, available: null, message: "" }, { status: 429 });
  }
  const problem = slugProblem(slug);
  if (problem) return Response.json({ slug, available: false, message: problem });
  // Reads the public organisations list: the slug is on every careers page anyway.
  const taken = await slugTaken(slug);
  return Response.json({
    slug,
    available: !taken,
    message: taken ? "Another organisation already uses that web address. Choose another" : `${slug} is available`,
  });
}
