import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, SelectField, TextArea } from "#app/components/forms.js";
import { VoteResults } from "#app/components/vote-results.js";
import { CHOICE_LABELS, OUTCOME_LABELS, QUORUMS, RULE_LABELS } from "#app/domain/votes/decision.js";
import type { loadVoteForStaff } from "#app/domain/votes/vote-view.server.js";
import { formatDateTime } from "#app/domain/dates.js";

type StaffVote = SerializeFrom<Awaited<ReturnType<typeof loadVoteForStaff>>>;

const when = formatDateTime;

const auditLine = (a: StaffVote["audit"][number]) =>
  a.action === "recorded_for"
    ? `${a.actorName} recorded a vote on behalf of ${a.memberName}`
    : a.action === "confirmed"
      ? `${a.memberName} confirmed the vote recorded for them`
      : `${a.memberName} declared a conflict of interest`;

/**
 * The team vote on the application page. While it is open the lead sees turnout only (how many
 * have voted), never who voted which way; the result appears when it closes.
 */
export function VoteSection({
  data,
  stage,
  canOpen,
  canRecord,
  draftMessage,
  errors,
  intent,
}: {
  data: StaffVote;
  stage: string;
  canOpen: boolean;
  canRecord: boolean;
  draftMessage: string;
  errors: Record<string, string>;
  intent: string | null;
}) {
  const { vote, turnout, mix } = data;
  return (
    <section aria-labelledby="vote-title">
      <h2 id="vote-title">Team vote</h2>
      <p>{mix.text}</p>
      <p className="muted">Team size with this hire: {mix.size}.</p>
      {!vote ? (
        stage === "shadow" && canOpen ? (
          <Form method="post" className="stack">
            {intent === "open-vote" ? <ErrorSummary errors={errors} /> : null}
            <p>The vote opens by itself when the host's shadow shift feedback is in. You can open it now instead.</p>
            <button type="submit" name="intent" value="open-vote" className="button">
              Open the team vote
            </button>
          </Form>
        ) : (
          <p>No vote yet: it opens after the shadow shift.</p>
        )
      ) : null}
      {vote?.status === "open" && turnout ? (
        <>
          <p>
            Open since {when(vote.openedAt)} (opened by {vote.openedByName}). It closes <strong>{when(vote.closesAt)}</strong>, or when
            everyone has voted{vote.extended ? "; it was extended once for lack of quorum" : ""}.
          </p>
          <p>
            <strong>
              {turnout.voted} of {turnout.eligible}
            </strong>{" "}
            eligible members have voted; {vote.required} needed.
            {turnout.unconfirmed
              ? ` ${turnout.unconfirmed} recorded on a member's behalf ${turnout.unconfirmed === 1 ? "is" : "are"} waiting for them to confirm.`
              : ""}{" "}
            How anyone voted stays secret until the close.
          </p>
          <p className="muted">
            {RULE_LABELS[vote.rule]}. Quorum: {QUORUMS[vote.quorum].label.toLowerCase()}.{" "}
            {vote.visibility === "open" ? "Names are shown after the close." : "Names are never shown."}
          </p>
        </>
      ) : null}
      {data.voters.some((v) => v.conflictReason) ? (
        <>
          <h3>Not voting (conflict of interest)</h3>
          <ul>
            {data.voters
              .filter((v) => v.conflictReason)
              .map((v) => (
                <li key={v.teamMemberId}>
                  {v.name}: {v.conflictReason}
                </li>
              ))}
          </ul>
        </>
      ) : null}
      {vote?.status === "open" && canRecord ? (
        <Form method="post" className="stack card" noValidate>
          <h3>Record a vote for a team member</h3>
          <p>When a member on shift asks you to. It is recorded as yours on their behalf, and they are emailed to confirm or change it.</p>
          {intent === "proxy-vote" ? <ErrorSummary errors={errors} /> : null}
          <SelectField
            name="teamMemberId"
            label="Who asked you?"
            placeholder="Choose a member"
            options={Object.fromEntries(data.voters.filter((v) => !v.conflictReason).map((v) => [v.teamMemberId, v.name]))}
            error={intent === "proxy-vote" ? errors.teamMemberId : undefined}
          />
          <ChoiceGroup
            type="radio"
            name="choice"
            label="Their vote"
            options={CHOICE_LABELS}
            error={intent === "proxy-vote" ? errors.choice : undefined}
          />
          <TextArea name="comment" label="Their comment" error={intent === "proxy-vote" ? errors.comment : undefined} />
          <button type="submit" name="intent" value="proxy-vote" className="button secondary">
            Record their vote
          </button>
        </Form>
      ) : null}
      {vote?.outcome === "cancelled" ? <p>The vote stopped without a result: the application closed while the team was voting.</p> : null}
      {data.results ? <VoteResults results={data.results} headingLevel={3} /> : null}
      {vote?.status === "closed" && vote.outcome !== "passed" && stage === "vote" && canOpen ? (
        <Form method="post" className="stack card" noValidate>
          <h3>Write to {vote.outcome === "not_passed" ? "the candidate" : "the candidate, if you decide not to go ahead"}</h3>
          <p>
            {vote.outcome === "not_passed"
              ? "The team vote did not pass. Put it kindly, in your own words: sending this closes the application."
              : `${OUTCOME_LABELS.no_quorum}: the decision is yours. Move the application to the offer above, or send a kind message that closes it.`}{" "}
            The candidate never sees individual votes.
          </p>
          {intent === "candidate-message" ? <ErrorSummary errors={errors} /> : null}
          <TextArea
            name="message"
            label="Your message"
            error={intent === "candidate-message" ? errors.message : undefined}
            defaultValue={draftMessage}
          />
          <button type="submit" name="intent" value="candidate-message" className="button warning">
            Send and close the application
          </button>
        </Form>
      ) : null}
      {vote?.candidateMessageSentAt ? <p>Your message to the candidate was sent on {when(vote.candidateMessageSentAt)}.</p> : null}
      {data.audit.length ? (
        <>
          <h3>Vote audit trail</h3>
          <ul>
            {data.audit.map((a) => (
              <li key={a.id}>
                {when(a.createdAt)}: {auditLine(a)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
