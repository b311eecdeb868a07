import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { listExercises } from "#db/queries/workshops.js";
import { ErrorSummary, SelectField, TextArea, TextField } from "#app/components/forms.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { ExerciseSchema } from "#app/domain/workshops/exercise.schema.js";
import { MANAGE_ROLES, PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

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

export async function action({ request }: ActionFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  const result = parseForm(await readForm(request), ExerciseSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  const input = result.data;
  const saved = await scoped(async (trx) => {
    const exists = await trx.selectFrom("scenarioExercises").select("id").where("title", "=", input.title).executeTakeFirst();
    if (exists) return false;
    await trx
      .insertInto("scenarioExercises")
      .values({
        title: input.title,
        brief: input.brief,
        rubric: JSON.stringify([
          {
            key: "c1",
            criterion: input.criterion,
            value: input.value,
            levels: { "1": input.level1, "2": input.level2, "3": input.level3, "4": input.level4 },
          },
        ]),
      })
      .execute();
    return true;
  });
  if (!saved)
    return Response.json({ fieldErrors: { title: "There is already an exercise with this title" }, values: result.data }, { status: 400 });
  return redirect("/workshops/exercises?added=1");
}

export default function ScenarioLibrary() {
  const { exercises, values, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const errors = actionData?.fieldErrors ?? {};
  const v = (name: string) => actionData?.values?.[name] ?? "";
  return (
    <>
      <p>
        <Link to="/workshops">Workshops</Link>
      </p>
      <h1>Scenario library</h1>
      <p className="lede">The exercises your workshops can run, each with a brief for candidates and a rubric for assessors.</p>
      {exercises.map((e) => (
        <section key={e.id} className="card" aria-labelledby={`ex-${e.id}`}>
          <h2 id={`ex-${e.id}`}>{e.title}</h2>
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
      {canEdit ? (
        <section aria-labelledby="new-exercise" className="narrow">
          <h2 id="new-exercise">Add an exercise</h2>
          <Form method="post" noValidate className="stack">
            <ErrorSummary errors={errors} />
            <TextField name="title" label="Title" error={errors.title} defaultValue={v("title")} />
            <TextArea name="brief" label="The brief candidates get" error={errors.brief} defaultValue={v("brief")} />
            <TextField name="criterion" label="What assessors look for" error={errors.criterion} defaultValue={v("criterion")} />
            <SelectField
              name="value"
              label="The value it shows"
              options={values}
              placeholder="Choose a value"
              error={errors.value}
              defaultValue={v("value")}
            />
            {(["1", "2", "3", "4"] as const).map((level) => (
              <TextField
                key={level}
                name={`level${level}`}
                label={`What a ${level} looks like`}
                error={errors[`level${level}`]}
                defaultValue={v(`level${level}`)}
              />
            ))}
            <button type="submit" className="button">
              Add the exercise
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
