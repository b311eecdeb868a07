import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findWorkshopById, listBookingsForWorkshop, listWorkshopTeamsAndExercises } from "#db/queries/workshops.js";
import { ADJUSTMENTS } from "#app/domain/applications/application.schema.js";
import { formatLondonSlot } from "#app/domain/workshops/london-time.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Workshop: ${data.when}` : "Workshop" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, PIPELINE_ROLES);
  const id = requireUuid(params.workshopId);
  const found = await scoped(async (trx) => {
    const workshop = await findWorkshopById(trx, id);
    if (!workshop) return null;
    const [[teams, exercises], bookings] = await Promise.all([listWorkshopTeamsAndExercises(trx, id), listBookingsForWorkshop(trx, id)]);
    return { workshop, teams, exercises, bookings };
  });
  if (!found) throw new Response("We could not find that workshop.", { status: 404 });
  return { ...found, when: formatLondonSlot(found.workshop.startsAt, found.workshop.endsAt) };
}

export default function WorkshopPage() {
  const { workshop, teams, exercises, bookings, when } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/workshops">All workshops</Link>
      </p>
      <h1>Workshop: {when}</h1>
      <p className="lede">
        {workshop.venueName}, {workshop.venueAddress}. {workshop.taken} of {workshop.capacity} places booked. For{" "}
        {teams.map((t) => t.name).join(", ") || "no team yet"}.
      </p>
      {workshop.accessibility ? <p>Access: {workshop.accessibility}</p> : null}
      <p>
        <Link className="button secondary" to={`/workshops/${workshop.id}/attendance`}>
          Record who came
        </Link>
      </p>
      <h2>People coming, and what would help them</h2>
      {bookings.length === 0 ? <p>Nobody has booked yet.</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Adjustments</th>
            </tr>
          </thead>
          <tbody>
            {bookings.map((b) => (
              <tr key={b.id}>
                <th scope="row">
                  <Link to={`/pipeline/${b.applicationId}`}>{b.fullName}</Link>
                </th>
                <td>
                  {[...b.adjustments.map((a) => ADJUSTMENTS[a as keyof typeof ADJUSTMENTS] ?? a), b.adjustmentsNote, b.bookingAdjustments]
                    .filter(Boolean)
                    .join("; ") || "None asked for"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Exercises</h2>
      {exercises.map((e) => (
        <section key={e.id} className="card" aria-labelledby={`exercise-${e.id}`}>
          <h3 id={`exercise-${e.id}`}>{e.title}</h3>
          <p>{e.brief}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Rubric for {e.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">1</th>
                  <th scope="col">2</th>
                  <th scope="col">3</th>
                  <th scope="col">4</th>
                </tr>
              </thead>
              <tbody>
                {e.rubric.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">
                      {c.criterion}
                      <div className="muted">{c.value}</div>
                    </th>
                    <td>{c.levels["1"]}</td>
                    <td>{c.levels["2"]}</td>
                    <td>{c.levels["3"]}</td>
                    <td>{c.levels["4"]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
