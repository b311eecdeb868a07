import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { listTeams } from "#db/queries/teams.js";
import { listExercises, listWorkshops } from "#db/queries/workshops.js";
import { ChoiceGroup, ErrorSummary, TextArea, TextField } from "#app/components/forms.js";
import { createWorkshop } from "#app/domain/workshops/create-workshop.server.js";
import { ExerciseError } from "#app/domain/workshops/exercises.server.js";
import { formatLondonSlot } from "#app/domain/workshops/london-time.js";
import { WORKSHOP_ARRAY_FIELDS, WorkshopSchema } from "#app/domain/workshops/workshop.schema.js";
import { MANAGE_ROLES, PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { formValues, parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Workshops" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request, PIPELINE_ROLES);
  return scoped(async (trx) => {
    const [workshops, teams, exercises] = await Promise.all([
      listWorkshops(trx, new Date(Date.now() - 7 * 86_400_000)),
      listTeams(trx),
      listExercises(trx),
    ]);
    return {
      workshops: workshops.map((w) => ({ ...w, when: formatLondonSlot(w.startsAt, w.endsAt) })),
      teams,
      exercises: exercises.map((e) => ({ id: e.id, title: e.title })),
      canCreate: MANAGE_ROLES.includes(staff.role),
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { run } = await staffScope(request, MANAGE_ROLES);
  const form = await readForm(request);
  const result = parseForm(form, WorkshopSchema, WORKSHOP_ARRAY_FIELDS);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  try {
    const id = await run((ctx) => createWorkshop(ctx, result.data));
    return redirect(`/workshops/${id}`);
  } catch (error) {
    if (!(error instanceof ExerciseError)) throw error;
    return Response.json(
      { fieldErrors: { [error.field]: error.message }, values: formValues(form, WORKSHOP_ARRAY_FIELDS) },
      { status: 409 },
    );
  }
}

export default function Workshops() {
  const { workshops, teams, exercises, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string | string[]> }>();
  const errors = actionData?.fieldErrors ?? {};
  const v = (name: string, fallback = "") => {
    const value = actionData?.values?.[name];
    return typeof value === "string" ? value : fallback;
  };
  const list = (name: string) => {
    const value = actionData?.values?.[name];
    return Array.isArray(value) ? value : [];
  };
  return (
    <>
      <h1>Workshops</h1>
      <p>
        <Link to="/workshops/exercises">Scenario library</Link>
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">When (UK time)</th>
              <th scope="col">Venue</th>
              <th scope="col">Booked</th>
            </tr>
          </thead>
          <tbody>
            {workshops.map((w) => (
              <tr key={w.id}>
                <th scope="row">
                  <Link to={`/workshops/${w.id}`}>{w.when}</Link>
                  {w.status === "cancelled" ? " (cancelled)" : ""}
                </th>
                <td>{w.venueName}</td>
                <td>
                  {w.taken} of {w.capacity}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canCreate ? (
        <section aria-labelledby="new-title" className="narrow">
          <h2 id="new-title">Plan a workshop</h2>
          <Form method="post" noValidate className="stack">
            <ErrorSummary errors={errors} />
            <TextField name="date" type="date" label="Date" error={errors.date} defaultValue={v("date")} />
            <TextField
              name="startTime"
              type="time"
              label="Starts (UK time)"
              error={errors.startTime}
              defaultValue={v("startTime", "09:30")}
            />
            <TextField name="endTime" type="time" label="Ends (UK time)" error={errors.endTime} defaultValue={v("endTime", "13:00")} />
            <TextField name="venueName" label="Venue" error={errors.venueName} defaultValue={v("venueName")} />
            <TextField name="venueAddress" label="Address" error={errors.venueAddress} defaultValue={v("venueAddress")} />
            <TextArea name="directions" label="How to get there (optional)" error={errors.directions} defaultValue={v("directions")} />
            <TextArea
              name="accessibility"
              label="Accessibility (optional)"
              hint="Step-free access, toilets, a quiet room, parking."
              error={errors.accessibility}
              defaultValue={v("accessibility")}
            />
            <TextField name="capacity" inputMode="numeric" label="Seats" error={errors.capacity} defaultValue={v("capacity", "25")} />
            <ChoiceGroup
              name="teamIds"
              type="checkbox"
              label="Teams it recruits for"
              options={Object.fromEntries(teams.map((t) => [t.id, t.name]))}
              error={errors.teamIds}
              defaultValue={list("teamIds")}
            />
            <ChoiceGroup
              name="exerciseIds"
              type="checkbox"
              label="Scenario exercises"
              options={Object.fromEntries(exercises.map((e) => [e.id, e.title]))}
              error={errors.exerciseIds}
              defaultValue={list("exerciseIds")}
            />
            <button type="submit" className="button">
              Plan the workshop
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
