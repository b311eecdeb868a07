import type { LoaderFunctionArgs } from "@remix-run/node";
import { findOrganisationById } from "#db/queries/organisations.js";
import { findLiveBooking } from "#db/queries/workshops.js";
import { bookingCalendar } from "#app/domain/workshops/booking-calendar.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { candidateScope } from "#app/utils/tenant.server.js";

/** The booking's calendar file: the same one the confirmation email attaches. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireUuid(params.applicationId);
  const scope = await candidateScope(request);
  if (!scope) throw new Response("Sign in to download your calendar file.", { status: 401 });
  const found = await scope.scoped(async (trx) => {
    const owns = await trx
      .selectFrom("applications")
      .select("id")
      .where("id", "=", id)
      .where("candidateId", "=", scope.candidate.candidateId)
      .executeTakeFirst();
    if (!owns) return null;
    const booking = await findLiveBooking(trx, id);
    return booking ? { booking, org: await findOrganisationById(trx, scope.candidate.orgId) } : null;
  });
  if (!found) throw new Response("You do not have a workshop booked.", { status: 404 });
  return new Response(bookingCalendar(found.booking, found.org.name, false), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="workshop.ics"' },
  });
}
