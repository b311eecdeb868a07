import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findVacancyById } from "#db/queries/vacancies.js";
import { APPLICATION_ARRAY_FIELDS, ApplicationSchema } from "#app/domain/applications/application.schema.js";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { throwAsHttpError, requireUuid } from "#app/utils/http-errors.server.js";
import { hitRateLimit } from "#app/utils/rate-limit.server.js";
import { publicOrgScope } from "#app/utils/tenant.server.js";
import { formValues, parseForm } from "#app/utils/validation.js";
import { ApplicationForm } from "./application-form.js";
import { readForm } from "#app/utils/form.server.js";

export async function loader({ params }: LoaderFunctionArgs) {
  const { org, scoped } = await publicOrgScope(params.slug);
  const vacancy = await scoped((trx) => findVacancyById(trx, requireUuid(params.vacancyId)));
  if (!vacancy) throw new Response("We could not find that job.", { status: 404 });
  return { org, vacancy };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.vacancy.title} in ${data.vacancy.town} – ${data.org.name}` : "Job" },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { org, run } = await publicOrgScope(params.slug);
  const vacancyId = requireUuid(params.vacancyId);
  const formData = await readForm(request);
  const result = parseForm(formData, ApplicationSchema, APPLICATION_ARRAY_FIELDS);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  if (!(await hitRateLimit("applyByIp", context.clientIp ?? "unknown"))) {
    return Response.json(
      {
        fieldErrors: { form: "We have had a lot of applications from your connection. Please try again in an hour." },
        values: formValues(formData, APPLICATION_ARRAY_FIELDS),
      },
      { status: 429 },
    );
  }
  await run((ctx) => applyToVacancy(ctx, vacancyId, result.data)).catch(throwAsHttpError);
  // The same page whether or not they had applied before (or were sent an email just now): the
  // email tells them which, so the page never tells a stranger that an email is known.
  return redirect(`/o/${org.slug}/jobs/${vacancyId}/applied`);
}

export default function VacancyPage() {
  const { org, vacancy } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <p>
        <Link to={`/o/${org.slug}/jobs`}>All jobs at {org.name}</Link>
      </p>
      <h1>{vacancy.title}</h1>
      <ul className="meta" aria-label="About this job">
        <li>Team: {vacancy.teamName}</li>
        <li>{vacancy.town}</li>
        <li>{vacancy.hours}</li>
      </ul>
      <p>{vacancy.summary}</p>
      {vacancy.status === "open" ? (
        <>
          <h2>How we hire</h2>
          <ol>
            <li>You apply here. It takes about 5 minutes. You do not need a CV.</li>
            <li>You take a short survey about what matters to you at work.</li>
            <li>You join a friendly group workshop with other people applying.</li>
            <li>You spend a shift with the team, to see the job for yourself.</li>
            <li>The team you would join decides together.</li>
          </ol>
          <h2 id="apply">Apply for this job</h2>
          <ApplicationForm />
        </>
      ) : (
        <p className="notice">This job is no longer taking applications.</p>
      )}
    </div>
  );
}
