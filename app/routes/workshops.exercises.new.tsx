import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ExerciseForm } from "#app/components/exercise-form.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { createExercise, newCriterionKey } from "#app/domain/workshops/exercises.server.js";
import { exerciseFormAction } from "#app/utils/exercise-form.server.js";
import { readForm } from "#app/utils/form.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "Add a scenario exercise" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  const survey = await scoped((trx) => findLiveSurvey(trx));
  return {
    valueOptions: Object.fromEntries(survey.definition.values.map((v) => [v.key, v.name])),
    blank: { title: "", brief: "", criteria: [newCriterionKey()] } as Record<string, string | string[]>,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run, scoped } = await staffScope(request, MANAGE_ROLES);
  const form = await readForm(request);
  return exerciseFormAction(form, async (input) => {
    const survey = await scoped((trx) => findLiveSurvey(trx));
    const keys = survey.definition.values.map((v) => v.key);
    const id = await run((ctx) => createExercise(ctx, { userId: staff.userId, name: staff.name }, input, keys));
    return redirect(`/workshops/exercises/${id}?saved=1`);
  });
}

export default function NewExercise() {
  const { valueOptions, blank } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors?: Record<string, string>; values: Record<string, string | string[]> }>();
  return (
    <div className="narrow">
      <p>
        <Link to="/workshops/exercises">Back to the scenario library</Link>
      </p>
      <h1>Add a scenario exercise</h1>
      <ExerciseForm
        values={actionData?.values ?? blank}
        serverErrors={actionData?.fieldErrors ?? {}}
        valueOptions={valueOptions}
        submitLabel="Add the exercise"
      />
    </div>
  );
}
