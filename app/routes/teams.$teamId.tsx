import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findTeamById, listActiveMembers } from "#db/queries/teams.js";
import { MIX_STATUS_TEXT, sizeNote, teamMix } from "#app/domain/teams/mix.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { staffScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.team.name} team` : "Team" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request);
  const id = requireUuid(params.teamId);
  const found = await scoped(async (trx) => {
    const team = await findTeamById(trx, id);
    return team ? { team, members: await listActiveMembers(trx, id) } : null;
  });
  if (!found) throw new Response("We could not find that team.", { status: 404 });
  const experienced = found.members.filter((m) => m.experience === "experienced").length;
  return { ...found, mix: teamMix(experienced, found.members.length) };
}

export default function TeamPage() {
  const { team, members, mix } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/teams">All teams</Link>
      </p>
      <h1>{team.name}</h1>
      <p className="lede">
        {team.town}, {team.regionName} circle. {sizeNote(mix.size)}.
      </p>
      <section className="card" aria-labelledby="mix-title">
        <h2 id="mix-title">Mix</h2>
        <p>{mix.summary}</p>
        <label htmlFor="mix-meter">Share experienced (target 50%)</label>
        <meter id="mix-meter" min={0} max={1} low={0.4} high={0.6} optimum={0.5} value={mix.experiencedShare ?? 0}>
          {Math.round((mix.experiencedShare ?? 0) * 100)}%
        </meter>
        <p>
          <span className={mix.status === "balanced" ? "tag" : "tag alert"}>{MIX_STATUS_TEXT[mix.status]}</span>
        </p>
      </section>
      <h2>Members</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Background</th>
              <th scope="col">Joined</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{m.experience === "experienced" ? "Experienced" : "New to care"}</td>
                <td>{new Date(m.joinedOn).toLocaleDateString("en-GB", { month: "long", year: "numeric" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
