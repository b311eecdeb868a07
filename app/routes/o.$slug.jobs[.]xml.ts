import type { LoaderFunctionArgs } from "@remix-run/node";
import { isJobBoard, jobFeedXml } from "#app/domain/vacancies/job-feed.js";
import { getServerEnv } from "#app/env.server.js";
import { publicOrgScope } from "#app/utils/tenant.server.js";
import { listOpenVacancies } from "#db/queries/vacancies.js";

/**
 * /o/<slug>/jobs.xml?board=indeed: the organisation's open vacancies as an XML job feed for
 * aggregators. Each link carries ?source=<board> (indeed unless the board is named), so an
 * application through it records where it came from.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { org, scoped } = await publicOrgScope(params.slug);
  const asked = new URL(request.url).searchParams.get("board");
  const board = isJobBoard(asked) ? asked : "indeed";
  const vacancies = await scoped((trx) => listOpenVacancies(trx));
  const body = jobFeedXml({ org, baseUrl: getServerEnv().APP_URL.replace(/\/$/, ""), board, vacancies });
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=900" } });
}
