import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportForRequest } from "#app/domain/privacy/export-candidate.server.js";
import { findApplicationById } from "#db/queries/applications.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

/** A lead's complete export of one person's data (a subject access request), recorded in the audit log. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.applicationId);
  const { staff, scoped } = await staffScope(request, MANAGE_ROLES);
  const data = await scoped(async (trx) => {
    const application = await findApplicationById(trx, id);
    if (!application) return null;
    return exportForRequest(trx, application.candidateId, { userId: staff.userId, name: staff.name });
  });
  if (!data) throw new Response("We could not find that application.", { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="personal-data-${id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
