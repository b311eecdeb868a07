import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { countPipeline, listPipeline } from "#db/queries/applications.js";
import { PIPELINE_PAGE_SIZE, pageNumber, pipelineSearch } from "#app/domain/applications/pipeline-search.js";
import { listTeams } from "#db/queries/teams.js";
import { listVacancies } from "#db/queries/vacancies.js";
import { ALL_STAGES, STAGE_LABELS } from "#app/domain/applications/stages.js";
import { findTeamNeeds } from "#app/domain/teams/team-mix.server.js";
import { TextField } from "#app/components/forms.js";
import { isUuid } from "#app/utils/http-errors.server.js";
import { PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { formatCount } from "#app/domain/numbers.js";

export const meta: MetaFunction = () => [{ title: "Pipeline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, PIPELINE_ROLES);
  const params = new URL(request.url).searchParams;
  const teamId = params.get("team") ?? "";
  const vacancyId = params.get("vacancy") ?? "";
  const reviewOnly = params.get("review") === "1";
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  const filters = {
    teamId: isUuid(teamId) ? teamId : undefined,
    vacancyId: isUuid(vacancyId) ? vacancyId : undefined,
    reviewOnly,
    search: pipelineSearch(q),
  };
  return scoped(async (trx) => {
    const [counts, teams, vacancies, needs] = await Promise.all([
      countPipeline(trx, filters),
      listTeams(trx),
      listVacancies(trx),
      filters.teamId ? findTeamNeeds(trx, filters.teamId) : null,
    ]);
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    const page = pageNumber(params.get("page"), total);
    const offset = (page - 1) * PIPELINE_PAGE_SIZE;
    const applications = total ? await listPipeline(trx, filters, { limit: PIPELINE_PAGE_SIZE, offset }) : [];
    const columns = ALL_STAGES.map((stage) => ({
      stage,
      label: STAGE_LABELS[stage],
      count: counts.find((c) => c.stage === stage)?.count ?? 0,
      items: applications.filter((a) => a.stage === stage),
    }));
    const teamNeeds = needs ? { ...needs, teamName: teams.find((t) => t.id === filters.teamId)?.name ?? "" } : null;
    return {
      columns,
      teams,
      vacancies,
      filters: { teamId, vacancyId, reviewOnly, q },
      total,
      paging: {
        page,
        pages: Math.max(1, Math.ceil(total / PIPELINE_PAGE_SIZE)),
        first: total ? offset + 1 : 0,
        last: offset + applications.length,
      },
      teamNeeds,
    };
  });
}

/** The same search and filters on another page. */
function pageLink(filters: { teamId: string; vacancyId: string; reviewOnly: boolean; q: string }, page: number) {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.teamId) params.set("team", filters.teamId);
  if (filters.vacancyId) params.set("vacancy", filters.vacancyId);
  if (filters.reviewOnly) params.set("review", "1");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/pipeline?${query}` : "/pipeline";
}

function surveyBadge(a: {
  surveyStartedAt: string | null;
  surveyCompletedAt: string | null;
  surveyFit: number | null;
  surveyOutcome: string | null;
}) {
  if (a.surveyCompletedAt) return `Survey complete: fit ${a.surveyFit ?? "?"}${a.surveyOutcome === "review" ? ", to review" : ""}`;
  return a.surveyStartedAt ? "Survey in progress" : "Survey not started";
}

export default function Pipeline() {
  const { columns, teams, vacancies, filters, total, paging, teamNeeds } = useLoaderData<typeof loader>();
  const showing =
    total === 0
      ? filters.q
        ? `No applications match "${filters.q}".`
        : "No applications match."
      : `${formatCount(total)} application${total === 1 ? "" : "s"}${filters.q ? ` ${total === 1 ? "matches" : "match"} "${filters.q}"` : ""}. Showing ${formatCount(paging.first)}–${formatCount(paging.last)} of ${formatCount(total)}, most recently changed first.`;
  return (
    <>
      <h1>Pipeline</h1>
      <Form method="get" className="filters" aria-label="Find applications">
        <TextField
          name="q"
          type="search"
          label="Search"
          hint="Name, email address or phone number"
          defaultValue={filters.q}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="field">
          <label htmlFor="team">Team</label>
          <select id="team" name="team" defaultValue={filters.teamId}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="vacancy">Vacancy</label>
          <select id="vacancy" name="vacancy" defaultValue={filters.vacancyId}>
            <option value="">All vacancies</option>
            {vacancies.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title} ({v.teamName})
              </option>
            ))}
          </select>
        </div>
        <div className="choice">
          <input id="review" type="checkbox" name="review" value="1" defaultChecked={filters.reviewOnly} />
          <label htmlFor="review">Only the survey review queue</label>
        </div>
        <button type="submit" className="button secondary">
          Show
        </button>
      </Form>
      <p role="status">{showing}</p>
      {teamNeeds?.teamName ? (
        <p>
          <strong>{teamNeeds.teamName}:</strong>{" "}
          <span className={teamNeeds.status === "balanced" ? "tag" : "tag alert"}>{teamNeeds.text}</span> (today {teamNeeds.summary}).
        </p>
      ) : null}
      <div className="board">
        {columns.map((column) => (
          <section key={column.stage} aria-labelledby={`stage-${column.stage}`}>
            <h2 id={`stage-${column.stage}`}>
              <span>{column.label}</span> <span className="tag">{formatCount(column.count)}</span>
            </h2>
            <ul className="list-plain">
              {column.items.map((a) => (
                <li key={a.id} className="card">
                  <Link to={`/pipeline/${a.id}`}>{a.fullName}</Link>
                  <div className="muted">
                    {a.vacancyTitle}, {a.teamName}
                  </div>
                  <div>
                    <span className="tag">{a.experience === "experienced" ? "Experienced" : "New to care"}</span>{" "}
                    {a.adjustments.length ? <span className="tag alert">Adjustments</span> : null}
                  </div>
                  <div className="muted">{surveyBadge(a)}</div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {paging.pages > 1 ? (
        <nav aria-label="Pages of applications" className="pager">
          <ul className="list-plain">
            {paging.page > 1 ? (
              <li>
                <Link to={pageLink(filters, paging.page - 1)} rel="prev">
                  Previous<span className="visually-hidden"> page</span>
                </Link>
              </li>
            ) : null}
            <li aria-current="page">
              Page {formatCount(paging.page)} of {formatCount(paging.pages)}
            </li>
            {paging.page < paging.pages ? (
              <li>
                <Link to={pageLink(filters, paging.page + 1)} rel="next">
                  Next<span className="visually-hidden"> page</span>
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
