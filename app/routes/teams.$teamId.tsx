import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "#app/components/forms.js";
import { addMember } from "#app/domain/teams/manage-members.server.js";
import { TeamError } from "#app/domain/teams/team.errors.js";
import { EXPERIENCE, MemberSchema } from "#app/domain/teams/team.schema.js";
import { parseForm } from "#app/utils/validation.js";
import { ProfileChart } from "#app/components/profile-chart.js";
import { findComparisonProfiles, inviteTeamToSurvey } from "#app/domain/survey/member-survey.server.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { countPipeline, listPipeline } from "#db/queries/applications.js";
import { IN_PROGRESS_STAGES, STAGE_LABELS, type Stage } from "#app/domain/applications/stages.js";
import { findTeamById, listActiveMembers } from "#db/queries/teams.js";
import {
  bandPercent,
  londonDate,
  mixStatusText,
  sizeNote,
  TEAM_MIN_SIZE,
  TEAM_NEEDS_TEXT,
  TEAM_SPLIT_POINT,
  teamMix,
} from "#app/domain/teams/mix.js";
import { getMixBand, mixHistory } from "#app/domain/teams/team-mix.server.js";
import { MixChart } from "#app/components/mix-chart.js";
import { fieldErrorResponse, requireUuid } from "#app/utils/http-errors.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { readForm } from "#app/utils/form.server.js";
import { formatDay } from "#app/domain/dates.js";
import { formatCount } from "#app/domain/numbers.js";

/** The team page lists this many of the people in progress, most recently moved first; the pipeline has the rest. */
const TEAM_PAGE_CANDIDATES = 50;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.team.name} team` : "Team" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request);
  const id = requireUuid(params.teamId);
  const found = await scoped(async (trx) => {
    const team = await findTeamById(trx, id);
    if (!team) return null;
    const today = londonDate(new Date());
    const inProgress = { teamId: id, stages: IN_PROGRESS_STAGES };
    const [members, comparison, live, candidates, counts, band, history, accounts] = await Promise.all([
      listActiveMembers(trx, id),
      findComparisonProfiles(trx, id),
      findLiveSurvey(trx),
      listPipeline(trx, inProgress, { limit: TEAM_PAGE_CANDIDATES }),
      countPipeline(trx, inProgress),
      getMixBand(trx),
      mixHistory(trx, id, today),
      trx.selectFrom("users").select(["id", "name"]).orderBy("name").execute(),
    ]);
    const rows = live.definition.values.map((v) => ({
      key: v.key,
      name: v.name,
      candidate: null,
      team: comparison.team?.find((t) => t.key === v.key)?.score ?? null,
      organisation: comparison.organisation?.find((o) => o.key === v.key)?.score ?? null,
    }));
    return {
      team,
      accounts,
      members,
      candidates,
      candidatesTotal: counts.reduce((sum, c) => sum + c.count, 0),
      band,
      history,
      today,
      survey: { answered: comparison.teamAnswered, minimum: comparison.minimum, rows, shown: comparison.team !== null },
    };
  });
  if (!found) throw new Response("We could not find that team.", { status: 404 });
  const experienced = found.members.filter((m) => m.experience === "experienced").length;
  const { band, ...rest } = found;
  const mix = teamMix(experienced, found.members.length, band);
  return {
    ...rest,
    mix,
    band: bandPercent(band),
    statusText: mixStatusText(band)[mix.status],
    needs: TEAM_NEEDS_TEXT[mix.status],
    canInvite: MANAGE_ROLES.includes(staff.role),
  };
}

/** A lead emails each member who has not taken it yet a personal link to the values survey. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const id = requireUuid(params.teamId);
  const form = await readForm(request);
  if (form.get("intent") === "add") {
    const result = parseForm(form, MemberSchema);
    if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
    try {
      await run((ctx) => addMember(ctx, { ...result.data, teamId: id, actor: { userId: staff.userId, name: staff.name } }));
    } catch (error) {
      return fieldErrorResponse(error, result.data, [TeamError]);
    }
    return redirect(`/teams/${id}?added=1`);
  }
  const invited = await run(async (ctx) => ((await findTeamById(ctx.trx, id)) ? inviteTeamToSurvey(ctx, id) : null));
  if (invited === null) throw new Response("We could not find that team.", { status: 404 });
  return redirect(`/teams/${id}?invited=${invited}`);
}

export default function TeamPage() {
  const { team, members, mix, band, history, statusText, needs, survey, canInvite, candidates, candidatesTotal, today, accounts } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors?: Record<string, string>; values?: Record<string, string> }>();
  const addErrors = actionData?.fieldErrors ?? {};
  const added = actionData?.values ?? {};
  const [params] = useSearchParams();
  const invited = params.get("invited");
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
        <label htmlFor="mix-meter">Share experienced (target {band.target}%)</label>
        <meter
          id="mix-meter"
          min={0}
          max={1}
          low={band.low / 100}
          high={band.high / 100}
          optimum={band.target / 100}
          value={mix.experiencedShare ?? 0}
        >
          {Math.round((mix.experiencedShare ?? 0) * 100)}%
        </meter>
        <p>
          <span className={mix.status === "balanced" ? "tag" : "tag alert"}>{statusText}</span> {needs}.
        </p>
        <h3 id="size-title">Size</h3>
        <label htmlFor="size-meter">
          {mix.size} members; the team plans a split at {TEAM_SPLIT_POINT}
        </label>
        <meter id="size-meter" min={0} max={TEAM_SPLIT_POINT} low={TEAM_MIN_SIZE} high={TEAM_SPLIT_POINT - 1} optimum={7} value={mix.size}>
          {mix.size} of {TEAM_SPLIT_POINT}
        </meter>
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">Mix over the last 12 months</h2>
        <MixChart points={history} band={band} title="Share of experienced members at the end of each month, in percent" />
      </section>
      <section aria-labelledby="values-title">
        <h2 id="values-title">The team's values</h2>
        {invited !== null ? (
          <p className="notice" role="status">
            {invited === "0"
              ? "Everyone with an email address has already taken the survey."
              : `Survey links sent to ${invited} member${invited === "1" ? "" : "s"}.`}
          </p>
        ) : null}
        <p>
          {survey.answered} of {members.length} members have taken the values survey.{" "}
          {survey.shown ? "" : `The team's profile shows once ${survey.minimum} have.`}
        </p>
        {survey.shown ? (
          <ProfileChart
            rows={survey.rows}
            show={["team", "organisation"]}
            title="The team's average values, 0 to 100, against the organisation's"
          />
        ) : null}
        {canInvite ? (
          <Form method="post">
            <button type="submit" name="intent" value="survey" className="button secondary">
              Email the survey to members who have not taken it
            </button>
          </Form>
        ) : null}
      </section>
      <section aria-labelledby="candidates-title">
        <h2 id="candidates-title">People who may join</h2>
        {candidates.length === 0 ? <p>Nobody is in the pipeline for this team right now.</p> : null}
        {candidatesTotal > candidates.length ? (
          <p>
            The {formatCount(candidates.length)} most recently moved of {formatCount(candidatesTotal)} in progress.{" "}
            <Link to={`/pipeline?team=${team.id}`}>See them all in the pipeline</Link>
          </p>
        ) : null}
        <ul>
          {candidates.map((c) => (
            <li key={c.id}>
              <Link to={`/pipeline/${c.id}`}>{c.fullName}</Link>: {STAGE_LABELS[c.stage as Stage] ?? c.stage}, {c.vacancyTitle}
            </li>
          ))}
        </ul>
      </section>
      <h2>Members</h2>
      {params.get("imported") !== null || params.get("moved") || params.get("left") || params.get("created") ? (
        <p className="notice" role="status">
          {params.get("imported") !== null
            ? `Imported ${params.get("imported")} member${params.get("imported") === "1" ? "" : "s"} from the roster file.`
            : params.get("moved")
              ? "Moved. Both teams' mix has changed to match."
              : params.get("left")
                ? "Recorded. They no longer count in the team's mix."
                : "Team created. Add its members below, or import a roster file."}
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Background</th>
              <th scope="col">Joined</th>
              {canInvite ? <th scope="col">Change</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{m.experience === "experienced" ? "Experienced" : "New to care"}</td>
                <td>{formatDay(String(m.joinedOn), { month: "long", year: "numeric" })}</td>
                {canInvite ? (
                  <td>
                    <Link to={`/teams/${team.id}/members/${m.id}`}>
                      Edit, move or record leaving <span className="visually-hidden">for {m.name}</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canInvite ? (
        <>
          <p>
            <Link to={`/teams/${team.id}/import`}>Import members from a roster file (CSV)</Link>
          </p>
          <Form method="post" noValidate className="stack card" aria-labelledby="add-title">
            <h2 id="add-title">Add a member</h2>
            {params.get("added") ? (
              <p className="notice" role="status">
                Added. The team's mix includes them now.
              </p>
            ) : null}
            <ErrorSummary errors={addErrors} />
            <TextField name="name" label="Full name" autoComplete="off" error={addErrors.name} defaultValue={added.name} />
            <TextField
              name="email"
              type="email"
              label="Email address (optional)"
              hint="For the values survey and votes."
              error={addErrors.email}
              defaultValue={added.email}
            />
            <SelectField
              name="experience"
              label="Background"
              placeholder="Choose one"
              options={EXPERIENCE}
              error={addErrors.experience}
              defaultValue={added.experience}
            />
            <TextField
              name="joinedOn"
              type="date"
              label="The day they joined"
              max={today}
              error={addErrors.joinedOn}
              defaultValue={added.joinedOn}
            />
            <SelectField
              name="userId"
              label="Staff account they vote with (optional)"
              placeholder="None"
              options={Object.fromEntries(accounts.map((a) => [a.id, a.name]))}
              error={addErrors.userId}
              defaultValue={added.userId}
            />
            <button type="submit" name="intent" value="add" className="button">
              Add the member
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
