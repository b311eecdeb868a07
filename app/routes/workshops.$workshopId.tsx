import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, SelectField, TextArea } from "#app/components/forms.js";
import { DeclineSchema } from "#app/domain/applications/application.schema.js";
import { addAssessor } from "#app/domain/workshops/assessor-scores.server.js";
import { getOrgSettings } from "#app/domain/organisations/org-settings.server.js";
import { recordWorkshopOutcomes } from "#app/domain/workshops/record-outcomes.server.js";
import { WorkshopError } from "#app/domain/workshops/workshop.errors.js";
import { isBelowMinimum, mergeWorkshop } from "#app/domain/workshops/workshop-numbers.server.js";
import { isUuid } from "#app/utils/http-errors.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { parseForm } from "#app/utils/validation.js";
import {
  findWorkshopById,
  findWorkshopMetrics,
  listAssessors,
  listAttendingForWorkshop,
  listBookingsForWorkshop,
  listOtherUpcomingWorkshops,
  listWorkshopTeamsAndExercises,
} from "#db/queries/workshops.js";
import { ADJUSTMENTS } from "#app/domain/applications/application.schema.js";
import { formatLondonSlot } from "#app/domain/workshops/london-time.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { readForm } from "#app/utils/form.server.js";
import { RubricTable } from "#app/components/rubric-table.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Workshop: ${data.when}` : "Workshop" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request, PIPELINE_ROLES);
  const id = requireUuid(params.workshopId);
  const found = await scoped(async (trx) => {
    const workshop = await findWorkshopById(trx, id);
    if (!workshop) return null;
    const [[teams, exercises], bookings, assessors, staffList, metrics, attending, settings, otherDates] = await Promise.all([
      listWorkshopTeamsAndExercises(trx, id),
      listBookingsForWorkshop(trx, id),
      listAssessors(trx, id),
      trx.selectFrom("users").select(["id", "name"]).orderBy("name").execute(),
      findWorkshopMetrics(trx, id),
      listAttendingForWorkshop(trx, id),
      getOrgSettings(trx),
      listOtherUpcomingWorkshops(trx, id, new Date()),
    ]);
    return { workshop, teams, exercises, bookings, assessors, staffList, metrics, attending, settings, otherDates };
  });
  if (!found) throw new Response("We could not find that workshop.", { status: 404 });
  return {
    ...found,
    when: formatLondonSlot(found.workshop.startsAt, found.workshop.endsAt),
    isAssessor: found.assessors.some((a) => a.id === staff.userId),
    lowNumbers: isBelowMinimum(found.workshop, found.metrics.booked, found.settings.workshopMinAttendees),
    minimum: found.settings.workshopMinAttendees,
    otherDates: found.otherDates.map((w) => ({ id: w.id, label: `${formatLondonSlot(w.startsAt, w.endsAt)}, ${w.venueName}` })),
    canManage: MANAGE_ROLES.includes(staff.role),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const id = requireUuid(params.workshopId);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "merge") {
    const intoId = String(form.get("intoId") ?? "");
    if (!isUuid(intoId)) return Response.json({ fieldErrors: { intoId: "Choose the date to merge into" } }, { status: 400 });
    try {
      await run((ctx) => mergeWorkshop(ctx, id, intoId));
    } catch (error) {
      if (error instanceof WorkshopError) return Response.json({ fieldErrors: { intoId: error.message } }, { status: 409 });
      throw error;
    }
    return redirect(`/workshops/${intoId}?merged=1`);
  }
  if (intent === "add-assessor") {
    const userId = String(form.get("userId") ?? "");
    if (!isUuid(userId)) return Response.json({ fieldErrors: { userId: "Choose someone from the list" } }, { status: 400 });
    const added = await run((ctx) => addAssessor(ctx, id, userId));
    if (!added) return Response.json({ fieldErrors: { userId: "Choose someone from the list" } }, { status: 400 });
    return redirect(`/workshops/${id}`);
  }
  const bookingIds = form.getAll("bookingId").filter((v): v is string => typeof v === "string" && isUuid(v));
  if (!bookingIds.length) return Response.json({ fieldErrors: { bookingId: "Choose at least one person" } }, { status: 400 });
  let decision: { to: "shadow" } | { to: "declined"; reason: string } = { to: "shadow" };
  if (intent === "decline") {
    const result = parseForm(form, DeclineSchema);
    if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors }, { status: 400 });
    decision = { to: "declined", reason: result.data.reason };
  }
  const result = await run((ctx) => recordWorkshopOutcomes(ctx, id, bookingIds, decision, { userId: staff.userId, name: staff.name }));
  return redirect(`/workshops/${id}?moved=${result.moved}&skipped=${result.skipped}`);
}

export default function WorkshopPage() {
  const {
    workshop,
    teams,
    exercises,
    bookings,
    when,
    assessors,
    staffList,
    metrics,
    attending,
    isAssessor,
    canManage,
    lowNumbers,
    minimum,
    otherDates,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string> }>();
  const errors = actionData?.fieldErrors ?? {};
  const [params] = useSearchParams();
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
      {params.get("merged") ? (
        <p className="notice" role="status">
          Merged: everyone booked on the other date has been moved here and emailed an updated calendar entry.
        </p>
      ) : null}
      {workshop.status === "cancelled" ? <p className="notice warning">This workshop is cancelled.</p> : null}
      {lowNumbers ? (
        <section className="notice warning" aria-labelledby="low-title">
          <h2 id="low-title">
            Only {metrics.booked} booked, below your minimum of {minimum}
          </h2>
          {canManage && otherDates.length ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="merge" />
              <SelectField
                name="intoId"
                label="Merge into another date"
                hint="Everyone booked is moved and told, with an updated calendar entry. This workshop is then cancelled."
                options={Object.fromEntries(otherDates.map((d) => [d.id, d.label]))}
                placeholder="Choose a date"
                error={errors.intoId}
              />
              <button type="submit" className="button warning">
                Merge and cancel this workshop
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <ul className="meta" aria-label="Numbers">
        <li>Booked: {metrics.booked}</li>
        <li>Attended: {metrics.attended}</li>
        <li>Did not come: {metrics.noShows}</li>
        <li>Moved on: {metrics.movedOn}</li>
        <li>Declined: {metrics.declined}</li>
      </ul>
      <div className="button-row">
        <Link className="button secondary" to={`/workshops/${workshop.id}/attendance`}>
          Record who came
        </Link>
        {isAssessor ? (
          <Link className="button secondary" to={`/workshops/${workshop.id}/score`}>
            Score this workshop
          </Link>
        ) : null}
      </div>
      <ErrorSummary errors={errors} />
      {params.get("moved") ? (
        <p className="notice" role="status">
          {params.get("moved")} moved.{" "}
          {params.get("skipped") !== "0" ? `${params.get("skipped")} had already moved on and were left as they were.` : ""}
        </p>
      ) : null}
      <h2>Assessors</h2>
      <ul>
        {assessors.map((a) => (
          <li key={a.id}>
            {a.name}: {a.submittedAt ? "scores submitted" : "not submitted yet"}
          </li>
        ))}
      </ul>
      {canManage ? (
        <Form method="post" className="filters">
          <input type="hidden" name="intent" value="add-assessor" />
          <SelectField
            name="userId"
            label="Add an assessor"
            options={Object.fromEntries(staffList.filter((u) => !assessors.some((a) => a.id === u.id)).map((u) => [u.id, u.name]))}
            placeholder="Choose a person"
            error={errors.userId}
          />
          <button type="submit" className="button secondary">
            Add
          </button>
        </Form>
      ) : null}
      {canManage && attending.length ? (
        <section aria-labelledby="outcome-title">
          <h2 id="outcome-title">Decide after the workshop</h2>
          <Form method="post" className="stack">
            <fieldset className={`field${errors.bookingId ? " has-error" : ""}`}>
              <legend>People who came</legend>
              {errors.bookingId ? <span className="error-message">{errors.bookingId}</span> : null}
              <div className="choices">
                {attending.map((p, index) => (
                  <div className="choice" key={p.id}>
                    <input
                      id={index === 0 ? "bookingId" : `booking-${p.id}`}
                      type="checkbox"
                      name="bookingId"
                      value={p.id}
                      disabled={p.stage !== "workshop"}
                    />
                    <label htmlFor={index === 0 ? "bookingId" : `booking-${p.id}`}>
                      {p.fullName}
                      {p.stage !== "workshop" ? ` (${p.stage === "declined" ? "declined" : "moved on"})` : ""}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <button type="submit" name="intent" value="shadow" className="button">
              Move the chosen people on to a shadow shift
            </button>
            <TextArea name="reason" label="Reason, if you decline" error={errors.reason} />
            <button type="submit" name="intent" value="decline" className="button warning">
              Decline the chosen people
            </button>
          </Form>
        </section>
      ) : null}
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
          <p className="muted">
            <Link to={`/workshops/exercises/${e.id}?version=${e.version}`}>Version {e.version}</Link>
            {e.pinnedVersionId ? ", kept for this workshop since its scoring started" : ", the latest (kept once scoring starts)"}
          </p>
          <p>{e.brief}</p>
          <RubricTable rubric={e.rubric} caption={`Rubric for ${e.title}`} />
        </section>
      ))}
    </>
  );
}
