import { checkServices } from "#app/utils/health.server.js";

export async function loader() {
  const body = await checkServices();
  const ok = body.postgres === "ok" && body.redis === "ok";
  return Response.json({ status: ok ? "ok" : "degraded", ...body }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
