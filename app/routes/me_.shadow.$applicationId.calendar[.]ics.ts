import type { LoaderFunctionArgs } from "@remix-run/node";
import { findOwnApplication } from "#db/queries/applications.js";
import { findOrganisationById } from "#db/queries/organisations.js";
import { findCandidateShift } from "#app/domain/shadow/candidate-shift.server.js";
import { candidateShiftCalendar } from "#app/domain/shadow/shift-calendar.server.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { candidateScope } from "#app/utils/tenant.server.js";

/** The candidate's confirmed shadow shift as a calendar file: the same one the emails attach. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.applicationId);
  const scope = await candidateScope(request);
  if (!scope) throw new Response("Sign in to download your calendar file.", { status: 401 });
  const found = await scope.scoped(async (trx) => {
    if (!(await findOwnApplication(trx, id, scope.candidate.candidateId))) return null;
    const shift = await findCandidateShift(trx, id);
    if (shift?.status !== "confirmed" || shift.applicationId !== id) return null;
    return { shift, org: await findOrganisationById(trx, scope.candidate.orgId) };
  });
  if (!found) throw new Response("You do not have a shadow shift booked.", { status: 404 });
  // findCandidateShift has already withheld what the candidate may not see; the file asks the same rule.
  const shift = { ...found.shift, visitDetails: found.shift.visitDetails ?? "" };
  return new Response(candidateShiftCalendar(shift, id, found.org.name, false), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="shadow-shift.ics"' },
  });
}
