import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listTeamsWithMix } from "#db/queries/teams.js";
import { MIX_STATUS_TEXT, sizeNote, teamMix } from "#app/domain/teams/mix.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "Teams" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request);
  const teams = await scoped((trx) => listTeamsWithMix(trx));
  return { teams: teams.map((t) => ({ ...t, mix: teamMix(t.experienced, t.size) })) };
}

export default function Teams() {
  const { teams } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Teams</h1>
      <p className="lede">Each team aims for half experienced people and half people new to care.</p>
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
                  <span className={t.mix.status === "balanced" ? "tag" : "tag alert"}>{MIX_STATUS_TEXT[t.mix.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
