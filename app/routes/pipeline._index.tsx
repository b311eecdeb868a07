import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listPipeline } from "#db/queries/applications.js";
import { listTeams } from "#db/queries/teams.js";
import { listVacancies } from "#db/queries/vacancies.js";
import { ALL_STAGES, STAGE_LABELS } from "#app/domain/applications/stages.js";
import { findTeamNeeds } from "#app/domain/teams/team-mix.server.js";
import { isUuid } from "#app/utils/http-errors.server.js";
import { PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "Pipeline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, PIPELINE_ROLES);
  const params = new URL(request.url).searchParams;
  const teamId = params.get("team") ?? "";
  const vacancyId = params.get("vacancy") ?? "";
  const reviewOnly = params.get("review") === "1";
  const filters = { teamId: isUuid(teamId) ? teamId : undefined, vacancyId: isUuid(vacancyId) ? vacancyId : undefined, reviewOnly };
  return scoped(async (trx) => {
    const [applications, teams, vacancies, needs] = await Promise.all([
      listPipeline(trx, filters),
      listTeams(trx),
      listVacancies(trx),
      filters.teamId ? findTeamNeeds(trx, filters.teamId) : null,
    ]);
    const columns = ALL_STAGES.map((stage) => ({
      stage,
      label: STAGE_LABELS[stage],
      items: applications.filter((a) => a.stage === stage),
    }));
    const teamNeeds = needs ? { ...needs, teamName: teams.find((t) => t.id === filters.teamId)?.name ?? "" } : null;
    return { columns, teams, vacancies, filters: { teamId, vacancyId, reviewOnly }, total: applications.length, teamNeeds };
  });
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
  const { columns, teams, vacancies, filters, total, teamNeeds } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Pipeline</h1>
      <Form method="get" className="filters" aria-label="Filter applications">
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
      <p className="muted" role="status">
        {total} application{total === 1 ? "" : "s"}
      </p>
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
              <span>{column.label}</span> <span className="tag">{column.items.length}</span>
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
    </>
  );
}
