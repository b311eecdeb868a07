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
    const [exercises, survey] = await Promise.all([listExercises(trx), findLiveSurvey(trx)]);
    return {
      exercises,
      values: Object.fromEntries(survey.definition.values.map((v) => [v.key, v.name])),
      canEdit: MANAGE_ROLES.includes(staff.role),
    };
  });
}

export default function ScenarioLibrary() {
  const { exercises, values, canEdit } = useLoaderData<typeof loader>();
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
    </>
  );
}
