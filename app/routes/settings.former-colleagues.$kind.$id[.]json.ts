import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportStaffData } from "#app/domain/privacy/staff-data.server.js";
import { PrivacyError } from "#app/domain/privacy/privacy.errors.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

/** An admin's complete export of one colleague's data (a subject access request), on the audit log. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.id);
  if (params.kind !== "member" && params.kind !== "account") throw new Response("Not found", { status: 404 });
  const { staff, scoped } = await staffScope(request, ["admin"]);
  const who = params.kind === "member" ? { memberId: id } : { userId: id };
  try {
    const data = await scoped((trx) => exportStaffData(trx, who, { userId: staff.userId, name: staff.name }));
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="staff-data-${id}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof PrivacyError && error.code === "not_found") throw new Response(error.message, { status: 404 });
    throw error;
  }
}
