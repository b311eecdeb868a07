import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { BarChart } from "#app/components/bar-chart.js";
import { CsvLink } from "#app/components/csv-link.js";
import { ErrorSummary, SelectField, TextField } from "#app/components/forms.js";
import { TableWrap } from "#app/components/table-wrap.js";
import { SOURCES } from "#app/domain/applications/application.schema.js";
import { formatHeadline } from "#app/domain/analytics/csv.js";
import { formatDays, formatPercent } from "#app/domain/analytics/dashboard.js";
import { HEADLINES } from "#app/domain/analytics/definitions.js";
import { filtersFromSearch } from "#app/domain/analytics/filters.js";
import { loadDashboard, loadFilterOptions } from "#app/domain/analytics/load-dashboard.server.js";
import { mixStatusText } from "#app/domain/teams/mix.js";
import { PIPELINE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { UpdatingNote } from "#app/components/updating-note.js";

export const meta: MetaFunction = () => [{ title: "Recruitment funnel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, PIPELINE_ROLES);
  const { filters, errors } = filtersFromSearch(new URL(request.url).searchParams);
  const [dashboard, options] = await Promise.all([loadDashboard(scoped, filters), loadFilterOptions(scoped)]);
  return { dashboard, errors, options };
}

const EXPERIENCE = { experienced: "Experienced in care", new_to_care: "New to care" };

export default function Analytics() {
  const { dashboard: d, errors, options } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const f = d.filters;
  const band = d.mix.band;
  const statusText = mixStatusText(band);
  return (
    <div>
      <h1>Recruitment funnel</h1>
      <p className="lede">
        Applications made from {f.from} to {f.to}, and what became of them. Each figure's definition is under it.
      </p>
      <UpdatingNote updating={d.updating} />
      <Form method="get" className="filters" aria-label="Filters">
        <ErrorSummary errors={errors} />
        <TextField name="from" type="month" label="From" defaultValue={f.from} error={errors.from} />
        <TextField name="to" type="month" label="To" defaultValue={f.to} error={errors.to} />
        <SelectField
          name="regionId"
          label="Region"
          placeholder="All regions"
          options={Object.fromEntries(options.regions.map((r) => [r.id, r.name]))}
          defaultValue={f.regionId ?? ""}
        />
        <SelectField
          name="teamId"
          label="Team"
          placeholder="All teams"
          options={Object.fromEntries(options.teams.map((t) => [t.id, t.name]))}
          defaultValue={f.teamId ?? ""}
        />
        <SelectField
          name="vacancyId"
          label="Vacancy"
          placeholder="All vacancies"
          options={Object.fromEntries(options.vacancies.map((v) => [v.id, v.title]))}
          defaultValue={f.vacancyId ?? ""}
        />
        <SelectField name="source" label="Channel" placeholder="All channels" options={SOURCES} defaultValue={f.source ?? ""} />
        <SelectField name="experience" label="Experience" placeholder="Everyone" options={EXPERIENCE} defaultValue={f.experience ?? ""} />
        <button type="submit" className="button">
          Show
        </button>
        <Link to="/analytics">Clear filters</Link>
      </Form>

      <section aria-labelledby="headlines-title">
        <h2 id="headlines-title">Headline figures</h2>
        <ul className="headline-grid list-plain">
          {d.headlines.map((h) => (
            <li key={h.key} className="card">
              <h3>{HEADLINES[h.key].label}</h3>
              <p className="headline-value">
                {formatHeadline(h.key, h.value)}
                {h.key === "timeToHire" && h.extra != null ? ` (90th percentile ${formatDays(h.extra)})` : ""}
              </p>
              {h.value === null && h.noBase ? <p className="muted">{h.noBase}</p> : null}
              {HEADLINES[h.key].benchmark ? <p className="muted">{HEADLINES[h.key].benchmark}</p> : null}
              <p className="hint">{HEADLINES[h.key].definition}</p>
              {h.trend.length ? (
                <TableWrap label={`${HEADLINES[h.key].label} by quarter`}>
                  <table>
                    <caption className="visually-hidden">{HEADLINES[h.key].label} by quarter</caption>
                    <thead>
                      <tr>
                        <th scope="col">Quarter</th>
                        <th scope="col">Value</th>
                      </tr>
                    </thead>
                    <tbody>
                      {h.trend.map((p) => (
                        <tr key={p.quarter}>
                          <th scope="row">{p.quarter}</th>
                          <td>{formatHeadline(h.key, p.value)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              ) : null}
            </li>
          ))}
        </ul>
        <CsvLink section="headlines" label="the headline figures" />
      </section>

      <section aria-labelledby="funnel-title">
        <h2 id="funnel-title">Funnel</h2>
        <BarChart
          title="People reaching each step"
          rows={d.funnel.map((s) => ({ label: s.label, value: s.reached, display: String(s.reached) }))}
        />
        <TableWrap label="Funnel table">
          <table>
            <caption className="visually-hidden">People reaching each step, and the share of the step before</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Reached</th>
                <th scope="col">Of the step before</th>
                <th scope="col">Of all applications</th>
                <th scope="col">What it counts</th>
              </tr>
            </thead>
            <tbody>
              {d.funnel.map((s) => (
                <tr key={s.key}>
                  <th scope="row">{s.label}</th>
                  <td>{s.reached}</td>
                  <td>{formatPercent(s.conversion)}</td>
                  <td>{formatPercent(s.shareOfApplied)}</td>
                  <td>{s.definition}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <CsvLink section="funnel" label="the funnel" />
      </section>

      <section aria-labelledby="exits-title">
        <h2 id="exits-title">Where people left, and why</h2>
        {d.exits.length === 0 ? <p>Nobody in this cohort has withdrawn or been declined.</p> : null}
        {d.exits.map((e) => (
          <div key={e.stage} className="card">
            <h3>{e.label}</h3>
            <p>
              {e.withdrawn} withdrew, {e.declined} declined: {formatPercent(e.share)} of all applications.
            </p>
            <ul>
              {e.reasons.map((r) => (
                <li key={`${r.kind}-${r.reason}`}>
                  {r.reason} ({r.kind}, {r.n})
                </li>
              ))}
            </ul>
          </div>
        ))}
        <CsvLink section="exits" label="where people left" />
      </section>

      <section aria-labelledby="times-title">
        <h2 id="times-title">Time in each step</h2>
        <p className="hint">For the {d.hires} people in this cohort who started: the average days between steps.</p>
        <TableWrap label="Time in each step">
          <table>
            <caption className="visually-hidden">Average days between steps, for people who started</caption>
            <thead>
              <tr>
                <th scope="col">Between</th>
                <th scope="col">Average</th>
              </tr>
            </thead>
            <tbody>
              {d.stageTimes.map((t) => (
                <tr key={t.label}>
                  <th scope="row">{t.label}</th>
                  <td>{formatDays(t.days)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section aria-labelledby="channels-title">
        <h2 id="channels-title">Channels</h2>
        <BarChart
          title="Hires per channel"
          rows={d.channels.map((c) => ({ label: c.label, value: c.hires, display: `${c.hires} of ${c.applications}` }))}
        />
        <TableWrap label="Channels table">
          <table>
            <caption className="visually-hidden">Applications, hires and hires still in post at 90 days, per channel</caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Applications</th>
                <th scope="col">Hires</th>
                <th scope="col">In post at 90 days</th>
                <th scope="col">Hire rate</th>
              </tr>
            </thead>
            <tbody>
              {d.channels.map((c) => (
                <tr key={c.source}>
                  <th scope="row">{c.label}</th>
                  <td>{c.applications}</td>
                  <td>{c.hires}</td>
                  <td>{c.inPost90}</td>
                  <td>{formatPercent(c.hireRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <CsvLink section="channels" label="the channels" />
      </section>

      <section aria-labelledby="mix-title">
        <h2 id="mix-title">Mix</h2>
        <p>
          Hires this quarter: {d.mix.hiresThisQuarter.experienced} experienced, {d.mix.hiresThisQuarter.newToCare} new to care (
          {formatPercent(d.mix.hiresThisQuarter.share)} experienced). Each team against its {Math.round(band.low * 100)}-
          {Math.round(band.high * 100)}% band, today:
        </p>
        <TableWrap label="Team mix table">
          <table>
            <caption className="visually-hidden">Each team's experienced share against the band</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Region</th>
                <th scope="col">Members</th>
                <th scope="col">Experienced</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {d.mix.teams.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>{t.regionName}</td>
                  <td>{t.size}</td>
                  <td>{formatPercent(t.experiencedShare)}</td>
                  <td>{statusText[t.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <CsvLink section="mix" label="the team mix" />
      </section>

      <section aria-labelledby="people-link-title">
        <h2 id="people-link-title">People</h2>
        <p>
          Who applies and who is hired, by the answers to the optional equal opportunities questions and by location, in groups of 5 or
          more: <Link to={`/analytics/people${search}`}>see the People figures for these filters</Link>.
        </p>
      </section>
    </div>
  );
}
