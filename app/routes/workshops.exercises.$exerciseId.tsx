import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { findExerciseWithVersions, setExerciseArchived } from "#app/domain/workshops/exercises.server.js";
import { readForm } from "#app/utils/form.server.js";
import { formatLondonDate } from "#app/domain/workshops/london-time.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { MANAGE_ROLES, PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { RubricTable } from "#app/components/rubric-table.js";
import { formatUk } from "#app/domain/dates.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.exercise.title}: scenario exercise` : "Scenario exercise" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request, PIPELINE_ROLES);
  const id = requireUuid(params.exerciseId);
  const found = await scoped(async (trx) => {
    const [exercise, survey] = await Promise.all([findExerciseWithVersions(trx, id), findLiveSurvey(trx)]);
    return exercise ? { exercise, values: Object.fromEntries(survey.definition.values.map((v) => [v.key, v.name])) } : null;
  });
  if (!found) throw new Response("Not found", { status: 404 });
  return { ...found, canEdit: MANAGE_ROLES.includes(staff.role) };
}

/** Archive the exercise, or restore it (leads and admins). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const id = requireUuid(params.exerciseId);
  const intent = (await readForm(request)).get("intent");
  if (intent !== "archive" && intent !== "restore") throw new Response("Choose archive or restore.", { status: 400 });
  const found = await run((ctx) => setExerciseArchived(ctx, { userId: staff.userId, name: staff.name }, id, intent === "archive"));
  if (!found) throw new Response("Not found", { status: 404 });
  return redirect(intent === "archive" ? "/workshops/exercises?archived=1" : `/workshops/exercises/${id}?restored=1`);
}

/** "4 Dec 2026", in UK time. */
const shortDate = (instant: Date | string) => formatUk(instant, { day: "numeric", month: "short", year: "numeric" });

const changed = (v: { version: number; createdAt: Date | string; createdByName: string | null }) =>
  `Version ${v.version}, ${v.version === 1 ? "added" : "changed"} ${shortDate(v.createdAt)}${v.createdByName ? ` by ${v.createdByName}` : ""}`;

export default function ExercisePage() {
  const { exercise, values, canEdit } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const latest = exercise.versions[0];
  const shown = exercise.versions.find((v) => String(v.version) === params.get("version")) ?? latest;
  return (
    <>
      <p>
        <Link to="/workshops/exercises">Back to the scenario library</Link>
      </p>
      <h1>{shown.title}</h1>
      {params.get("saved") ? (
        <p className="notice" role="status">
          Saved as version {latest.version}. Scores already given keep the wording they were given under.
        </p>
      ) : null}
      <p className="lede">
        {changed(shown)}
        {shown.version === latest.version ? " (the latest)" : `. This is an earlier version: the latest is version ${latest.version}.`}
      </p>
      {params.get("restored") ? (
        <p className="notice" role="status">
          Restored. New workshops can choose it again.
        </p>
      ) : null}
      {exercise.archivedAt ? (
        <p className="notice">
          Archived on {shortDate(exercise.archivedAt)}. New workshops cannot choose it; workshops that have it keep it.
        </p>
      ) : null}
      {canEdit ? (
        <div className="button-row">
          <Link to={`/workshops/exercises/${exercise.id}/edit`} className="button">
            Edit the exercise
          </Link>
          <Form method="post">
            <button type="submit" name="intent" value={exercise.archivedAt ? "restore" : "archive"} className="button secondary">
              {exercise.archivedAt ? "Restore the exercise" : "Archive the exercise"}
            </button>
          </Form>
        </div>
      ) : null}
      <h2>The brief candidates get</h2>
      <p>{shown.brief}</p>
      <h2>Rubric</h2>
      <RubricTable rubric={shown.rubric} caption={`Rubric for version ${shown.version}`} valueLabel={(v) => values[v] ?? v} />
      <h2>Scored under this version</h2>
      {shown.workshops.length ? (
        <ul>
          {shown.workshops.map((w) => (
            <li key={w.id}>
              <Link to={`/workshops/${w.id}`}>Workshop on {formatLondonDate(w.startsAt)}</Link>: {w.scores}{" "}
              {w.scores === 1 ? "score" : "scores"}
            </li>
          ))}
        </ul>
      ) : (
        <p>No scores have been given under this version.</p>
      )}
      <h2>Version history</h2>
      <p>Each change makes a new version. A workshop keeps the version its scoring started with, so past scores keep their meaning.</p>
      <ol reversed className="stack">
        {exercise.versions.map((v) => (
          <li key={v.id}>
            {v.id === shown.id ? (
              <strong aria-current="page">{changed(v)}</strong>
            ) : (
              <Link to={`/workshops/exercises/${exercise.id}?version=${v.version}`}>{changed(v)}</Link>
            )}
            {v.workshops.length ? ` (scored at ${v.workshops.length} ${v.workshops.length === 1 ? "workshop" : "workshops"})` : ""}
          </li>
        ))}
      </ol>
    </>
  );
}
