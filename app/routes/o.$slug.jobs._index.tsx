import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOpenVacancies } from "#db/queries/vacancies.js";
import { publicOrgScope } from "#app/utils/tenant.server.js";

export async function loader({ params }: LoaderFunctionArgs) {
  const { org, scoped } = await publicOrgScope(params.slug);
  const vacancies = await scoped((trx) => listOpenVacancies(trx));
  return { org, vacancies };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Jobs at ${data.org.name}` : "Jobs" }];

export default function Careers() {
  const { org, vacancies } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Jobs at {org.name}</h1>
      <p className="lede">
        We hire for kindness and good values, not for qualifications. Many of our team had never worked in care before they joined.
      </p>
      {vacancies.length === 0 ? (
        <p>There are no open jobs right now. Please come back soon.</p>
      ) : (
        <ul className="list-plain">
          {vacancies.map((v) => (
            <li key={v.id} className="card">
              <h2>
                <Link to={v.id}>{v.title}</Link>
              </h2>
              <ul className="meta" aria-label="About this job">
                <li>Team: {v.teamName}</li>
                <li>{v.town}</li>
                <li>{v.hours}</li>
              </ul>
              <p>{v.summary}</p>
            </li>
          ))}
        </ul>
      )}
      <p>
        Already applied? <Link to="/me">See your applications</Link>.
      </p>
    </>
  );
}
