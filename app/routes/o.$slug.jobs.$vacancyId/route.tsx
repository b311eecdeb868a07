import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findVacancyById, listOpenVacancies } from "#db/queries/vacancies.js";
import { VacancyDetails } from "#app/components/vacancy-details.js";
import { isJobBoard } from "#app/domain/vacancies/job-feed.js";
import { jobPosting, jsonForScript } from "#app/domain/vacancies/job-posting.js";
import { getServerEnv } from "#app/env.server.js";
import { APPLICATION_ARRAY_FIELDS } from "#app/domain/applications/application-options.js";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { throwAsHttpError, requireUuid } from "#app/utils/http-errors.server.js";
import { hitRateLimit } from "#app/utils/rate-limit.server.js";
import { publicOrgScope } from "#app/utils/tenant.server.js";
import { ApplicationSchema, formValues, parseForm } from "#app/utils/candidate-forms.server.js";
import { ApplicationForm } from "./application-form.js";
import { readForm } from "#app/utils/form.server.js";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { org, scoped } = await publicOrgScope(params.slug);
  const found = await scoped(async (trx) => {
    const vacancy = await findVacancyById(trx, requireUuid(params.vacancyId));
    // A draft is not public yet: the same answer as no job at all.
    if (!vacancy || vacancy.status === "draft") return null;
    return { vacancy, others: vacancy.status === "closed" ? await listOpenVacancies(trx) : [] };
  });
  if (!found) throw new Response("We could not find that job.", { status: 404 });
  const { vacancy, others } = found;
  const baseUrl = getServerEnv().APP_URL.replace(/\/$/, "");
  const posting =
    vacancy.status === "open" ? jsonForScript(jobPosting(vacancy, { name: org.name, url: `${baseUrl}/o/${org.slug}/jobs` })) : null;
  // Arriving from a job board's feed (?source=indeed): "A job website" is chosen for them, and they can change it.
  const defaultSource = isJobBoard(new URL(request.url).searchParams.get("source")) ? "job_board" : undefined;
  return { org, vacancy, others: others.map((o) => ({ id: o.id, title: o.title, town: o.town })), posting, defaultSource };
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
  const { org, vacancy, others, posting, defaultSource } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      {posting ? (
        // Data, not code: CSP's script rules do not apply to a data block, so it needs no nonce (and the
        // page's JavaScript need not carry the nonce's context).
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with "<" escaped (jsonForScript)
        <script type="application/ld+json" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: posting }} />
      ) : null}
      <p>
        <Link to={`/o/${org.slug}/jobs`}>All jobs at {org.name}</Link>
      </p>
      <VacancyDetails vacancy={vacancy} />
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
          <ApplicationForm defaultSource={defaultSource} />
        </>
      ) : (
        <section aria-labelledby="closed-title">
          <p className="notice" id="closed-title">
            This job has closed. If you have applied, we still have your application. <Link to="/me">See your applications</Link>.
          </p>
          <h2>Jobs at {org.name} you can apply for now</h2>
          {others.length === 0 ? (
            <p>There are no open jobs right now. Please come back soon.</p>
          ) : (
            <ul>
              {others.map((o) => (
                <li key={o.id}>
                  <Link to={`/o/${org.slug}/jobs/${o.id}`}>{o.title}</Link>, {o.town}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
