import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ExerciseForm } from "#app/components/exercise-form.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { exerciseFormValues } from "#app/domain/workshops/exercise.schema.js";
import { editExercise, findLatestVersion } from "#app/domain/workshops/exercises.server.js";
import { exerciseFormAction } from "#app/utils/exercise-form.server.js";
import { readForm } from "#app/utils/form.server.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "Edit a scenario exercise" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  const id = requireUuid(params.exerciseId);
  const found = await scoped(async (trx) => {
    const exercise = await trx.selectFrom("scenarioExercises").select("id").where("id", "=", id).executeTakeFirst();
    if (!exercise) return null;
    const [latest, survey] = await Promise.all([findLatestVersion(trx, id), findLiveSurvey(trx)]);
    return { latest, valueOptions: Object.fromEntries(survey.definition.values.map((v) => [v.key, v.name])) };
  });
  if (!found) throw new Response("Not found", { status: 404 });
  const { latest, valueOptions } = found;
  return {
    id,
    version: latest.version,
    title: latest.title,
    valueOptions,
    values: exerciseFormValues({ title: latest.title, brief: latest.brief, criteria: latest.rubric }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, run, scoped } = await staffScope(request, MANAGE_ROLES);
  const id = requireUuid(params.exerciseId);
  const form = await readForm(request);
  const exists = await scoped((trx) => trx.selectFrom("scenarioExercises").select("id").where("id", "=", id).executeTakeFirst());
  if (!exists) throw new Response("Not found", { status: 404 });
  return exerciseFormAction(form, async (input) => {
    const survey = await scoped((trx) => findLiveSurvey(trx));
    const keys = survey.definition.values.map((v) => v.key);
    const version = await run((ctx) => editExercise(ctx, { userId: staff.userId, name: staff.name }, id, input, keys));
    if (version === null) throw new Response("Not found", { status: 404 });
    return redirect(`/workshops/exercises/${id}?saved=1`);
  });
}

export default function EditExercise() {
  const { id, version, title, valueOptions, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors?: Record<string, string>; values: Record<string, string | string[]> }>();
  return (
    <div className="narrow">
      <p>
        <Link to={`/workshops/exercises/${id}`}>Back to {title}</Link>
      </p>
      <h1>Edit {title}</h1>
      <p className="lede">
        Saving makes version {version + 1}. Scores already given keep version {version}'s wording, and so does any workshop whose scoring
        has started; workshops not scored yet use the new version.
      </p>
      <ExerciseForm
        values={actionData?.values ?? values}
        serverErrors={actionData?.fieldErrors ?? {}}
        valueOptions={valueOptions}
        submitLabel="Save the changes"
      />
    </div>
  );
}
