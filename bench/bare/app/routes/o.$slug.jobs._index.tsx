import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

const TOWNS = ["Ashdown", "Brindle", "Carrow", "Dunmore", "Elsworth", "Fenby"];

// Six vacancies, as the careers page's loader returns them, from memory.
export async function loader({ params }: LoaderFunctionArgs) {
  const vacancies = TOWNS.map((town, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    title: i % 2 ? "Care and support worker" : "Care worker",
    teamName: `${town} team`,
    town,
    hours: i % 3 ? "Part time, 20 to 30 hours" : "Full time, 37.5 hours",
    summary: "Supporting people to live well in their own homes, as part of a small self-managing team.",
  }));
  return { org: { slug: params.slug ?? "", name: "Oakfield Home Care" }, vacancies };
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
      <p>
        Already applied? <Link to="/me">See your applications</Link>.
      </p>
    </>
  );
}
