import type { LoaderFunctionArgs } from "@remix-run/node";
import { CSV_SECTIONS, type CsvSection, dashboardCsv, peopleCsv } from "#app/domain/analytics/csv.js";
import { filtersFromSearch } from "#app/domain/analytics/filters.js";
import { loadDashboard } from "#app/domain/analytics/load-dashboard.server.js";
import { loadPeople } from "#app/domain/analytics/people.server.js";
import { PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

/** /analytics.csv?section=funnel&<filters>: one dashboard section as CSV, from the same numbers as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, PIPELINE_ROLES);
  const params = new URL(request.url).searchParams;
  const section = params.get("section") as CsvSection;
  if (!CSV_SECTIONS.includes(section)) throw new Response("Choose a section to download.", { status: 400 });
  const { filters } = filtersFromSearch(params);
  const csv =
    section === "people" ? peopleCsv(await loadPeople(scoped, filters)) : dashboardCsv(await loadDashboard(scoped, filters), section);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="circle-hire-${section}-${filters.from}-to-${filters.to}.csv"`,
    },
  });
}
