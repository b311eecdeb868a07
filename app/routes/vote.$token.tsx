import { findVote } from "#db/queries/votes.js";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, TextArea } from "#app/components/forms.js";
import { SurveySection } from "#app/components/survey-section.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { VoteResults } from "#app/components/vote-results.js";
import { WorkshopSection } from "#app/components/workshop-section.js";
import { castBallot, declareConflict } from "#app/domain/votes/cast-ballot.server.js";
import { CHOICE_LABELS } from "#app/domain/votes/decision.js";
import { ballotSchema, ConflictSchema } from "#app/domain/votes/vote.schema.js";
import { VoteError } from "#app/domain/votes/vote.errors.js";
import { loadVoterPage } from "#app/domain/votes/vote-view.server.js";
import { formatLondonDate, formatLondonSlot, formatLondonTime } from "#app/domain/workshops/london-time.js";
import { ShadowOutcome } from "#app/components/shadow-outcome.js";
import { voterScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";
import { Adjustments } from "#app/components/adjustments.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Vote: should ${data.candidate.name} join ${data.candidate.teamName}?` : "Team vote" },
];

const at = (d: string | Date) => `${formatLondonDate(new Date(d))}, ${formatLondonTime(new Date(d))}`;

export async function loader({ params }: LoaderFunctionArgs) {
  const { voter, scoped } = await voterScope(params.token);
  const page = await scoped((trx) => loadVoterPage(trx, voter.voteId, voter.teamMemberId));
  if (!page) throw new Response("We could not find that vote.", { status: 404 });
  return { ...page, closes: at(page.vote.closesAt), castAt: page.ownBallot ? at(page.ownBallot.castAt) : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { voter, scoped, run } = await voterScope(params.token);
  const form = await readForm(request);
  const intent = form.get("intent");
  try {
    if (intent === "conflict") {
      const result = parseForm(form, ConflictSchema);
      if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
      await run((ctx) => declareConflict(ctx, { ...voter, reason: result.data.conflictReason }));
      return redirect(`/vote/${params.token}?conflict=1`);
    }
    const vote = await scoped((trx) => findVote(trx, voter.voteId));
    if (!vote) throw new Response("We could not find that vote.", { status: 404 });
    const result = parseForm(form, ballotSchema(vote.rule));
    if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
    const done = await run((ctx) => castBallot(ctx, { ...voter, ...result.data }));
    return redirect(`/vote/${params.token}?voted=${done.action}`);
  } catch (error) {
    if (error instanceof VoteError) {
      return Response.json({ fieldErrors: { choice: error.message }, values: Object.fromEntries(form) }, { status: 409 });
    }
    throw error;
  }
}

const STATUS_TEXT: Record<string, string> = {
  voted: "Your vote is saved. You can change it until the vote closes.",
  changed: "Your vote is changed.",
  confirmed: "Thank you: your vote is confirmed.",
};

export default function VotePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const ballotForm = useSchemaForm(ballotSchema(data.vote.rule));
  const isConflict = actionData?.values?.intent === "conflict";
  const serverErrors = actionData?.fieldErrors ?? {};
  const errors = Object.keys(ballotForm.errors).length ? ballotForm.errors : isConflict ? {} : serverErrors;
  const conflictErrors = isConflict ? serverErrors : {};
  const { candidate, vote, ownBallot } = data;
  const open = vote.status === "open";
  const voted = params.get("voted");
  return (
    <div className="narrow">
      <h1>
        Should {candidate.name} join {candidate.teamName}?
      </h1>
      <p className="lede">
        {candidate.jobTitle}. {candidate.name} is {candidate.experience === "experienced" ? "experienced in care" : "new to care"} and lives
        in or near {candidate.location}.
      </p>
      <Adjustments adjustments={candidate.adjustments} note={candidate.adjustmentsNote} id="adjustments-title" />
      {voted && STATUS_TEXT[voted] ? (
        <p className="notice" role="status">
          {STATUS_TEXT[voted]}
        </p>
      ) : null}
      {params.get("conflict") ? (
        <p className="notice" role="status">
          Thank you for saying. You are not voting on this one, and the vote is counted without you.
        </p>
      ) : null}
      {open ? (
        <p>
          Voting closes on <strong>{data.closes}</strong>, or as soon as everyone has voted.
          {vote.extended ? " (It was extended because not enough people had voted.)" : ""} Nobody, not even the lead, sees how anyone voted
          until then.
        </p>
      ) : null}
      {!open && serverErrors.choice ? (
        <p className="notice warning" role="alert">
          {serverErrors.choice}
        </p>
      ) : null}
      {data.results ? <VoteResults results={data.results} /> : null}

      <section aria-labelledby="mix-title">
        <h2 id="mix-title">What this hire does to your team</h2>
        <p>{data.mix.text}</p>
        <p>Team size: {data.mix.size}.</p>
      </section>
      <SurveySection survey={data.survey} />
      <WorkshopSection workshop={data.workshop} />
      <section aria-labelledby="shadow-title">
        <h2 id="shadow-title">Shadow shift</h2>
        {data.shadow.shift ? (
          <p>
            With {data.shadow.shift.hostName}, {formatLondonSlot(data.shadow.shift.startsAt, data.shadow.shift.endsAt)}.
          </p>
        ) : (
          <p>No shadow shift was arranged.</p>
        )}
        <ShadowOutcome summary={data.shadow} />
      </section>

      {open && data.voter.conflictReason ? (
        <p className="notice">You said you have a conflict of interest ({data.voter.conflictReason}), so you are not voting on this one.</p>
      ) : null}
      {open && !data.voter.conflictReason ? (
        <>
          <Form method="post" noValidate className="stack card" onSubmit={ballotForm.onSubmit} onChange={ballotForm.onChange}>
            <h2>Your vote</h2>
            {ownBallot?.recordedByName && !ownBallot.confirmedAt ? (
              <p className="notice">
                {ownBallot.recordedByName} recorded <strong>{CHOICE_LABELS[ownBallot.choice]}</strong> for you. Confirm it, or change it
                below.
              </p>
            ) : ownBallot ? (
              <p>
                You voted <strong>{CHOICE_LABELS[ownBallot.choice]}</strong> on {data.castAt}. You can change it until the vote closes.
              </p>
            ) : null}
            <ErrorSummary errors={errors} />
            <ChoiceGroup
              type="radio"
              name="choice"
              label={`Should ${candidate.name} join the team?`}
              options={CHOICE_LABELS}
              error={errors.choice}
              defaultValue={actionData?.values?.choice ?? ownBallot?.choice}
            />
            <TextArea
              name="comment"
              label="Comment"
              hint={
                vote.rule === "consent"
                  ? "Needed for a concern, and for a No (under consent a No is an objection, so say why). The team and the lead read comments after the close."
                  : "Needed for a concern. The team and the lead read comments after the close."
              }
              error={errors.comment}
              defaultValue={actionData?.values?.comment ?? ownBallot?.comment ?? ""}
            />
            <button type="submit" name="intent" value="vote" className="button">
              {ownBallot?.recordedByName && !ownBallot.confirmedAt
                ? "Confirm or change my vote"
                : ownBallot
                  ? "Change my vote"
                  : "Send my vote"}
            </button>
          </Form>
          <details className="card" open={isConflict}>
            <summary>I know {candidate.name} personally (a conflict of interest)</summary>
            <Form method="post" noValidate className="stack">
              <ErrorSummary errors={conflictErrors} />
              <p>
                If you are a relative or friend of {candidate.name}, say so and you will not vote on this hire. This is recorded, and the
                vote is counted without you.
              </p>
              <TextArea
                name="conflictReason"
                label="How do you know them?"
                error={conflictErrors.conflictReason}
                defaultValue={isConflict ? (actionData?.values?.conflictReason ?? "") : ""}
              />
              <button type="submit" name="intent" value="conflict" className="button secondary">
                Take me off this vote
              </button>
            </Form>
          </details>
        </>
      ) : null}
    </div>
  );
}
