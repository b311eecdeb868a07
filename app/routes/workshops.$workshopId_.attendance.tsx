import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { Attendance } from "#db/schema.js";
import { findWorkshopById, listAttendanceForWorkshop } from "#db/queries/workshops.js";
import { ChoiceGroup } from "#app/components/forms.js";
import { formatLondonSlot } from "#app/domain/workshops/london-time.js";
import { recordAttendance } from "#app/domain/workshops/record-attendance.server.js";
import { ATTENDANCE_LABELS } from "#app/domain/workshops/workshop.schema.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Attendance" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, PIPELINE_ROLES);
  const id = requireUuid(params.workshopId);
  const found = await scoped(async (trx) => {
    const workshop = await findWorkshopById(trx, id);
    return workshop ? { workshop, people: await listAttendanceForWorkshop(trx, id) } : null;
  });
  if (!found) throw new Response("We could not find that workshop.", { status: 404 });
  return {
    id,
    when: formatLondonSlot(found.workshop.startsAt, found.workshop.endsAt),
    venue: found.workshop.venueName,
    people: found.people,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { run } = await staffScope(request, PIPELINE_ROLES);
  const id = requireUuid(params.workshopId);
  const form = await readForm(request);
  const marks: Record<string, Attendance> = {};
  for (const [name, value] of form) {
    if (name.startsWith("attendance.") && typeof value === "string" && value in ATTENDANCE_LABELS)
      marks[name.slice(11)] = value as Attendance;
  }
  const result = await run((ctx) => recordAttendance(ctx, id, marks));
  return redirect(`/workshops/${id}/attendance?saved=${result.notChanged.length ? "partly" : "1"}`);
}

export default function AttendancePage() {
  const { id, when, venue, people } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  return (
    <div className="narrow">
      <p>
        <Link to={`/workshops/${id}`}>Back to the workshop</Link>
      </p>
      <h1>Who came</h1>
      <p className="lede">
        {when}, {venue}.
      </p>
      {saved ? (
        <p className="notice" role="status">
          {saved === "partly"
            ? "Saved, except for people marked as not coming who have since booked another date."
            : "Saved. Anyone who did not come gets one kind email offering another date."}
        </p>
      ) : null}
      {people.length === 0 ? <p>Nobody is booked on this workshop.</p> : null}
      <Form method="post" className="stack attendance">
        {people.map((p) => (
          <ChoiceGroup
            key={p.id}
            name={`attendance.${p.id}`}
            type="radio"
            label={p.fullName}
            options={ATTENDANCE_LABELS}
            defaultValue={p.attendance ?? undefined}
          />
        ))}
        {people.length ? (
          <button type="submit" className="button">
            Save attendance
          </button>
        ) : null}
      </Form>
    </div>
  );
}
