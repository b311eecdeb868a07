import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listTeamsWithMix } from "#db/queries/teams.js";
import { bandPercent, mixStatusText, sizeNote, teamMix } from "#app/domain/teams/mix.js";
import { getMixBand, listTeamAlerts } from "#app/domain/teams/team-mix.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "Teams" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request);
  const { teams, band, alerts } = await scoped(async (trx) => {
    const [teams, band, alerts] = await Promise.all([listTeamsWithMix(trx), getMixBand(trx), listTeamAlerts(trx)]);
    return { teams, band, alerts };
  });
  return {
    teams: teams.map((t) => ({ ...t, mix: teamMix(t.experienced, t.size, band) })),
    alerts: alerts.map((a) => ({ id: a.id, teamId: a.teamId, teamName: a.teamName, title: a.title, text: a.text })),
    band: bandPercent(band),
    statusText: mixStatusText(band),
    canManage: MANAGE_ROLES.includes(staff.role),
  };
}

export default function Teams() {
  const { teams, alerts, band, statusText, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Teams</h1>
      {canManage ? (
        <p>
          <Link to="/teams/setup">Add, rename or archive regions and teams</Link>
        </p>
      ) : null}
      <p className="lede">
        Each team aims for {band.target}% experienced people and {100 - band.target}% people new to care (within {band.low}-{band.high}%),
        and 5 to 12 members.
      </p>
      <section className="card" aria-labelledby="alerts-title">
        <h2 id="alerts-title">Needs your attention</h2>
        {alerts.length === 0 ? (
          <p>Every team is within its band and its size. The nightly check will tell you if that changes.</p>
        ) : (
          <ul>
            {alerts.map((a) => (
              <li key={a.id}>
                <strong>
                  <Link to={`/teams/${a.teamId}`}>{a.teamName}</Link>: {a.title}.
                </strong>{" "}
                {a.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Circle</th>
              <th scope="col">Members</th>
              <th scope="col">Mix</th>
              <th scope="col">What it needs</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  <Link to={`/teams/${t.id}`}>{t.name}</Link>
                </th>
                <td>{t.regionName}</td>
                <td>{sizeNote(t.size)}</td>
                <td>{t.mix.summary}</td>
                <td>
                  <span className={t.mix.status === "balanced" ? "tag" : "tag alert"}>{statusText[t.mix.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
