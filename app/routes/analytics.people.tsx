import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { CsvLink } from "#app/components/csv-link.js";
import { PeopleSection } from "#app/components/people-section.js";
import { UpdatingNote } from "#app/components/updating-note.js";
import { filtersFromSearch } from "#app/domain/analytics/filters.js";
import { loadPeople } from "#app/domain/analytics/people.server.js";
import { PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "People: equal opportunities and location" }];

/** The People figures, on their own page, with the funnel's filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, PIPELINE_ROLES);
  const { filters } = filtersFromSearch(new URL(request.url).searchParams);
  return { filters, people: await loadPeople(scoped, filters) };
}

export default function People() {
  const { filters, people } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <div>
      <p>
        <Link to={`/analytics${search}`}>Back to the recruitment funnel</Link>
      </p>
      <h1>People</h1>
      <p className="lede">
        Applications made from {filters.from} to {filters.to}, with the funnel's filters. Groups of fewer than 5 people, and counts of fewer
        than 5, are not shown.
      </p>
      <UpdatingNote updating={people.updating} />
      <PeopleSection people={people} csvLink={<CsvLink section="people" label="the people figures" />} />
    </div>
  );
}
