import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { VacancyForm } from "#app/components/vacancy-form.js";
import { londonDay } from "#app/domain/london-day.js";
import { createVacancy } from "#app/domain/vacancies/save-vacancy.server.js";
import { VacancyError } from "#app/domain/vacancies/vacancy.errors.js";
import { VacancySchema } from "#app/domain/vacancies/vacancy.schema.js";
import { readForm } from "#app/utils/form.server.js";
import { fieldErrorResponse } from "#app/utils/http-errors.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { listActiveTeams } from "#db/queries/teams.js";

export const meta: MetaFunction = () => [{ title: "Draft a vacancy" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  return { teams: await scoped((trx) => listActiveTeams(trx)), today: londonDay() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const result = parseForm(await readForm(request), VacancySchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  try {
    const id = await run((ctx) => createVacancy(ctx, { ...result.data, actor: { userId: staff.userId, name: staff.name } }));
    return redirect(`/vacancies/${id}?saved=draft`);
  } catch (error) {
    return fieldErrorResponse(error, result.data, [VacancyError]);
  }
}

export default function NewVacancy() {
  const { teams, today } = useLoaderData<typeof loader>();
  const data = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  return (
    <div className="narrow">
      <p>
        <Link to="/vacancies">All vacancies</Link>
      </p>
      <h1>Draft a vacancy</h1>
      <p className="lede">Nobody outside sees it until you publish it. You can preview it first.</p>
      <VacancyForm teams={teams} values={data?.values ?? {}} errors={data?.fieldErrors ?? {}} submitLabel="Save the draft" today={today} />
    </div>
  );
}
