import { isInProgress } from "#app/domain/applications/stages.js";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "#app/components/forms.js";
import { markMemberLeft } from "#app/domain/offers/member-left.server.js";
import { OfferError } from "#app/domain/offers/offer.errors.js";
import { LeftTeamSchema } from "#app/domain/offers/offer.schema.js";
import { parseForm } from "#app/utils/validation.js";
import { ProfileChart } from "#app/components/profile-chart.js";
import { findComparisonProfiles, inviteTeamToSurvey } from "#app/domain/survey/member-survey.server.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { listPipeline } from "#db/queries/applications.js";
import { STAGE_LABELS, type Stage } from "#app/domain/applications/stages.js";
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
import { requireUuid } from "#app/utils/http-errors.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.team.name} team` : "Team" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request);
  const id = requireUuid(params.teamId);
  const found = await scoped(async (trx) => {
    const team = await findTeamById(trx, id);
    if (!team) return null;
    const today = londonDate(new Date());
    const [members, comparison, live, applications, band, history] = await Promise.all([
      listActiveMembers(trx, id),
      findComparisonProfiles(trx, id),
      findLiveSurvey(trx),
      listPipeline(trx, { teamId: id }),
      getMixBand(trx),
      mixHistory(trx, id, today),
    ]);
    const candidates = applications.filter((a) => isInProgress(a.stage));
    const rows = live.definition.values.map((v) => ({
      key: v.key,
      name: v.name,
      candidate: null,
      team: comparison.team?.find((t) => t.key === v.key)?.score ?? null,
      organisation: comparison.organisation?.find((o) => o.key === v.key)?.score ?? null,
    }));
    return {
      team,
      members,
      candidates,
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
  const { scoped, run } = await staffScope(request, MANAGE_ROLES);
  const id = requireUuid(params.teamId);
  const form = await readForm(request);
  if (form.get("intent") === "left") {
    const result = parseForm(form, LeftTeamSchema);
    if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
    try {
      await scoped((trx) => markMemberLeft(trx, { teamId: id, ...result.data }));
    } catch (error) {
      if (error instanceof OfferError)
        return Response.json({ fieldErrors: { [error.field]: error.message }, values: result.data }, { status: 409 });
      throw error;
    }
    return redirect(`/teams/${id}?left=1`);
  }
  const invited = await run(async (ctx) => ((await findTeamById(ctx.trx, id)) ? inviteTeamToSurvey(ctx, id) : null));
  if (invited === null) throw new Response("We could not find that team.", { status: 404 });
  return redirect(`/teams/${id}?invited=${invited}`);
}

export default function TeamPage() {
  const { team, members, mix, band, history, statusText, needs, survey, canInvite, candidates, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors?: Record<string, string>; values?: Record<string, string> }>();
  const leftErrors = actionData?.fieldErrors ?? {};
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
        <ul>
          {candidates.map((c) => (
            <li key={c.id}>
              <Link to={`/pipeline/${c.id}`}>{c.fullName}</Link>: {STAGE_LABELS[c.stage as Stage] ?? c.stage}, {c.vacancyTitle}
            </li>
          ))}
        </ul>
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
      {canInvite ? (
        <Form method="post" noValidate className="stack card" aria-labelledby="left-title">
          <h2 id="left-title">Someone has left the team</h2>
          {params.get("left") ? (
            <p className="notice" role="status">
              Recorded. They no longer count in the team's mix.
            </p>
          ) : null}
          <ErrorSummary errors={leftErrors} />
          <SelectField
            name="memberId"
            label="Who left"
            placeholder="Choose a member"
            options={Object.fromEntries(members.map((m) => [m.id, m.name]))}
            defaultValue={actionData?.values?.memberId}
            error={leftErrors.memberId}
          />
          <TextField
            name="leftOn"
            type="date"
            label="The day they left"
            max={today}
            defaultValue={actionData?.values?.leftOn ?? today}
            error={leftErrors.leftOn}
          />
          <button type="submit" name="intent" value="left" className="button secondary">
            Record that they left
          </button>
        </Form>
      ) : null}
    </>
  );
}
