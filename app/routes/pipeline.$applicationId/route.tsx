import { findTeamNeeds } from "#app/domain/teams/team-mix.server.js";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findApplicationById, listEventsForApplication } from "#db/queries/applications.js";
import { ApplicationError } from "#app/domain/applications/application.errors.js";
import { AVAILABILITY, DeclineSchema, SOURCES } from "#app/domain/applications/application.schema.js";
import { moveApplication } from "#app/domain/applications/move-application.server.js";
import { declineApplication } from "#app/domain/applications/decline-application.server.js";
import { isClosed, isStage, nextStage, STAGE_LABELS, type Stage } from "#app/domain/applications/stages.js";
import { ChoiceGroup, ErrorSummary, TextArea } from "#app/components/forms.js";
import { Adjustments } from "#app/components/adjustments.js";
import { findSurveySummary } from "#app/domain/survey/survey-summary.server.js";
import { findWorkshopResult } from "#app/domain/workshops/assessor-scores.server.js";
import { isActiveMemberOfTeam } from "#db/queries/surveys.js";
import { SurveySection } from "#app/components/survey-section.js";
import { WorkshopSection } from "#app/components/workshop-section.js";
import { findLatestVoteForApplication } from "#db/queries/votes.js";
import { castBallot } from "#app/domain/votes/cast-ballot.server.js";
import { declineWithMessage, draftCandidateMessage } from "#app/domain/votes/candidate-message.server.js";
import { openVote } from "#app/domain/votes/open-vote.server.js";
import { leadMayMoveTo } from "#app/domain/votes/decision.js";
import { CandidateMessageSchema, proxyBallotSchema } from "#app/domain/votes/vote.schema.js";
import { VoteError } from "#app/domain/votes/vote.errors.js";
import { loadVoteForStaff } from "#app/domain/votes/vote-view.server.js";
import { VoteSection } from "./vote-section.js";
import { isShadowIntent, loadShadowSection, shadowAction } from "./shadow-actions.server.js";
import { ShadowSection } from "./shadow-section.js";
import { isOfferIntent, loadOfferSection, offerAction } from "./offer-actions.server.js";
import { OfferSection } from "./offer-section.js";
import { requireUuid, throwAsHttpError } from "#app/utils/http-errors.server.js";
import { MANAGE_ROLES, PIPELINE_ROLES } from "#app/utils/session.server.js";
import type { StaffRole } from "#db/schema.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";
import { formatDateTime } from "#app/domain/dates.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.application.fullName}: application` : "Application" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request);
  const id = requireUuid(params.applicationId);
  const found = await scoped(async (trx) => {
    const application = await findApplicationById(trx, id);
    if (!application) return null;
    // Team members see the candidates for their own team (they will vote on them).
    if (!PIPELINE_ROLES.includes(staff.role) && !(await isActiveMemberOfTeam(trx, staff.userId, application.teamId))) return null;
    const [events, survey, workshop, vote, shadow, teamNeeds, offer] = await Promise.all([
      listEventsForApplication(trx, id),
      findSurveySummary(trx, id, application.teamId),
      findWorkshopResult(trx, id, staff.userId),
      loadVoteForStaff(trx, id, application.teamId, application.experience),
      loadShadowSection(trx, staff, application),
      findTeamNeeds(trx, application.teamId),
      loadOfferSection(trx, staff, application),
    ]);
    return { application, events, survey, workshop, vote, shadow, teamNeeds, offer };
  });
  if (!found) throw new Response("We could not find that application.", { status: 404 });
  const stage = found.application.stage as Stage;
  return {
    ...found,
    next: isStage(stage) ? nextStage(stage) : null,
    canManage: MANAGE_ROLES.includes(staff.role),
    // The team's coordinators (leads and coaches) record votes for members on shift.
    canRecord: COORDINATOR_ROLES.includes(staff.role),
    draftMessage: draftCandidateMessage(found.application.teamName),
  };
}

const COORDINATOR_ROLES: StaffRole[] = ["lead", "coach"];

/** The team vote's actions: open it, record a vote for a member, write to the candidate after it. */
async function voteAction(request: Request, applicationId: string, form: FormData, intent: string) {
  const { staff, scoped, run } = await staffScope(request, intent === "proxy-vote" ? COORDINATOR_ROLES : MANAGE_ROLES);
  const actor = { userId: staff.userId, name: staff.name };
  const fail = (fieldErrors: Record<string, string>, status = 400) => Response.json({ intent, fieldErrors }, { status });
  try {
    if (intent === "open-vote") {
      await run((ctx) => openVote(ctx, { applicationId, actor }));
    } else if (intent === "proxy-vote") {
      const vote = await scoped((trx) => findLatestVoteForApplication(trx, applicationId));
      if (!vote) return fail({ form: "There is no vote open on this application." }, 409);
      const result = parseForm(form, proxyBallotSchema(vote.rule));
      if (!result.ok) return fail(result.fieldErrors);
      const voteId = vote.id;
      await run((ctx) => castBallot(ctx, { voteId, ...result.data, recordedBy: actor }));
    } else {
      const result = parseForm(form, CandidateMessageSchema);
      if (!result.ok) return fail(result.fieldErrors);
      const vote = await scoped((trx) => findLatestVoteForApplication(trx, applicationId));
      if (!vote) return fail({ message: "There is no team vote on this application." }, 409);
      const voteId = vote.id;
      await run((ctx) => declineWithMessage(ctx, { voteId, message: result.data.message, actor }));
    }
  } catch (error) {
    if (error instanceof VoteError || (error instanceof ApplicationError && error.code !== "not_found")) {
      return fail({ [intent === "candidate-message" ? "message" : intent === "proxy-vote" ? "choice" : "form"]: error.message }, 409);
    }
    throwAsHttpError(error);
  }
  return redirect(`/pipeline/${applicationId}#vote-title`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const applicationId = requireUuid(params.applicationId);
  const form = await readForm(request);
  if (isShadowIntent(form)) return shadowAction(request, applicationId, form);
  if (isOfferIntent(form)) return offerAction(request, applicationId, form);
  const intent = String(form.get("intent") ?? "");
  if (intent === "open-vote" || intent === "proxy-vote" || intent === "candidate-message") {
    return voteAction(request, applicationId, form, intent);
  }
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const expectedStage = String(form.get("expectedStage") ?? "");
  const actor = { userId: staff.userId, name: staff.name };
  try {
    if (form.get("intent") === "decline") {
      const result = parseForm(form, DeclineSchema);
      if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors }, { status: 400 });
      const { reason, personalLine = "", send = "now" } = result.data;
      await run((ctx) => declineApplication(ctx, { applicationId, expectedStage, reason, personalLine, send, actor }));
    } else {
      const to = String(form.get("to") ?? "");
      if (!isStage(to)) return Response.json({ fieldErrors: { form: "Choose a stage to move to." } }, { status: 400 });
      await run((ctx) => moveApplication(ctx, { applicationId, to, expectedStage, actor }));
    }
  } catch (error) {
    if (error instanceof VoteError || (error instanceof ApplicationError && error.code !== "not_found")) {
      return Response.json({ fieldErrors: { form: error.message } }, { status: 409 });
    }
    throwAsHttpError(error);
  }
  return redirect(`/pipeline/${applicationId}`);
}

const when = formatDateTime;

export default function ApplicationPage() {
  const {
    application: a,
    events,
    next,
    canManage,
    canRecord,
    survey,
    workshop,
    shadow,
    vote,
    offer,
    draftMessage,
    teamNeeds,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; intent?: string }>();
  const errors = actionData?.fieldErrors ?? {};
  const stage = a.stage as Stage;
  return (
    <div className="narrow">
      <p>
        <Link to="/pipeline">Back to the pipeline</Link>
      </p>
      <h1>{a.fullName}</h1>
      <p className="lede">
        {a.vacancyTitle}, {a.teamName}. Stage: <strong>{STAGE_LABELS[stage] ?? a.stage}</strong>
      </p>
      <p>
        <span className={teamNeeds.status === "balanced" ? "tag" : "tag alert"}>{teamNeeds.text}</span> ({a.teamName} today:{" "}
        {teamNeeds.summary}).
      </p>
      <ErrorSummary errors={actionData?.intent ? {} : errors} />
      <Adjustments adjustments={a.adjustments} note={a.adjustmentsNote} id="adjustments-title" />
      {canManage && !isClosed(stage) && stage !== "started" && offer.offer?.status !== "accepted" ? (
        <section className="card" aria-labelledby="decide-title">
          <h2 id="decide-title">Next step</h2>
          {next && leadMayMoveTo(next, vote.vote) ? (
            <Form method="post">
              <input type="hidden" name="expectedStage" value={a.stage} />
              <input type="hidden" name="to" value={next} />
              <button type="submit" className="button">
                Move to {STAGE_LABELS[next]}
              </button>
            </Form>
          ) : null}
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="decline" />
            <input type="hidden" name="expectedStage" value={a.stage} />
            <TextArea
              name="reason"
              label="Reason for declining"
              hint="For the team's records. The candidate will not see this wording."
              error={errors.reason}
            />
            <TextArea
              name="personalLine"
              label="A personal line for the candidate (optional)"
              hint="Added to the kind email they get, which uses your words for this stage."
              error={errors.personalLine}
            />
            <ChoiceGroup
              name="send"
              type="radio"
              label="When should we send the email?"
              options={{ now: "Now", morning: "Tomorrow at 9am" }}
              defaultValue="now"
              error={errors.send}
            />
            <button type="submit" className="button warning">
              Decline
            </button>
          </Form>
        </section>
      ) : null}
      <SurveySection survey={survey} />
      <WorkshopSection workshop={workshop} />
      <ShadowSection shadow={shadow} />
      <VoteSection
        data={vote}
        stage={a.stage}
        canOpen={canManage}
        canRecord={canRecord}
        draftMessage={draftMessage}
        errors={actionData?.intent ? errors : {}}
        intent={actionData?.intent ?? null}
      />
      <OfferSection section={offer} candidateName={a.fullName} />
      <h2>Details</h2>
      {canManage ? (
        <p>
          <Link to={`/pipeline/${a.id}/personal-data`}>Their personal data: download it, place a legal hold, or erase it</Link>
        </p>
      ) : null}
      <dl>
        <dt>Email</dt>
        <dd>{a.email}</dd>
        <dt>Phone</dt>
        <dd>{a.phone}</dd>
        <dt>Town or postcode</dt>
        <dd>{a.location}</dd>
        <dt>Worked in care before</dt>
        <dd>{a.experience === "experienced" ? "Yes (experienced)" : "No (new to care)"}</dd>
        <dt>Can work</dt>
        <dd>{a.availability.map((k) => AVAILABILITY[k as keyof typeof AVAILABILITY] ?? k).join(", ")}</dd>
        <dt>Heard about the job from</dt>
        <dd>{SOURCES[a.source as keyof typeof SOURCES] ?? a.source}</dd>
        <dt>Right to work in the UK</dt>
        <dd>{a.rightToWork ? "Yes" : "No"}</dd>
      </dl>
      <h2>Timeline</h2>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.id}>
            {e.kind === "note" ? (
              <strong>{e.reason}</strong>
            ) : (
              <strong>
                {e.fromStage ? `${STAGE_LABELS[e.fromStage as Stage] ?? e.fromStage} → ` : ""}
                {STAGE_LABELS[e.toStage as Stage] ?? e.toStage}
              </strong>
            )}
            <div className="muted">
              {when(e.createdAt)} by {e.actorName}
            </div>
            {e.reason && e.kind !== "note" ? <div>Why: {e.reason}</div> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
