import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { listExercises } from "#db/queries/workshops.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { MANAGE_ROLES, PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "Scenario library" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request, PIPELINE_ROLES);
  return scoped(async (trx) => {
    const [exercises, archived, survey] = await Promise.all([
      listExercises(trx),
      listExercises(trx, { archived: true }),
      findLiveSurvey(trx),
    ]);
    return {
      exercises,
      archived: archived.map((e) => ({ id: e.id, title: e.title })),
      values: Object.fromEntries(survey.definition.values.map((v) => [v.key, v.name])),
      canEdit: MANAGE_ROLES.includes(staff.role),
    };
  });
}

export default function ScenarioLibrary() {
  const { exercises, archived, values, canEdit } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/workshops">Workshops</Link>
      </p>
      <h1>Scenario library</h1>
      <p className="lede">The exercises your workshops can run, each with a brief for candidates and a rubric for assessors.</p>
      {params.get("added") ? (
        <p className="notice" role="status">
          The exercise is added.
        </p>
      ) : null}
      {params.get("archived") ? (
        <p className="notice" role="status">
          The exercise is archived. Workshops that already have it keep it.
        </p>
      ) : null}
      {canEdit ? (
        <p>
          <Link to="/workshops/exercises/new" className="button">
            Add an exercise
          </Link>
        </p>
      ) : null}
      {exercises.map((e) => (
        <section key={e.id} className="card" aria-labelledby={`ex-${e.id}`}>
          <h2 id={`ex-${e.id}`}>
            <Link to={`/workshops/exercises/${e.id}`}>{e.title}</Link>
          </h2>
          <p>{e.brief}</p>
          <ul>
            {e.rubric.map((c) => (
              <li key={c.key}>
                {c.criterion} ({values[c.value] ?? c.value})
              </li>
            ))}
          </ul>
        </section>
      ))}
      {exercises.length === 0 ? <p>No exercises are in use. Add one, or restore an archived one.</p> : null}
      {archived.length ? (
        <section aria-labelledby="archived-title">
          <h2 id="archived-title">Archived</h2>
          <p>New workshops cannot choose these. Open one to restore it.</p>
          <ul>
            {archived.map((e) => (
              <li key={e.id}>
                <Link to={`/workshops/exercises/${e.id}`}>{e.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
