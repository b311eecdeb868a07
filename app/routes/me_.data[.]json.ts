import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { exportPersonalData } from "#app/domain/privacy/export-candidate.server.js";
import { candidateScope } from "#app/utils/tenant.server.js";

/** "Download my data": the same content as /me/data, as a JSON file. */
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await candidateScope(request);
  if (!scope) throw redirect(`/me?next=${encodeURIComponent("/me/data")}`);
  const data = await scope.scoped((trx) => exportPersonalData(trx, scope.candidate.candidateId, "candidate"));
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-data-${data.exportedAt.slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
