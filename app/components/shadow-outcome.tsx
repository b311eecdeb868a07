import type { SerializeFrom } from "@remix-run/node";
import { RECOMMENDATION_LABELS, REFLECTION_ANSWERS, SEEN_LABELS, SUPPORTED_BY_LABELS } from "#app/domain/shadow/shadow.schema.js";
import type { findShadowSummary } from "#app/domain/shadow/shadow-summary.server.js";
import { formatUk } from "#app/domain/dates.js";

type Summary = SerializeFrom<Awaited<ReturnType<typeof findShadowSummary>>>;

const date = (d: string) => formatUk(d, { dateStyle: "medium" });

/** What came of a shadow shift: the host's feedback (with any words from the person supported) and the candidate's reflection. */
export function ShadowOutcome({ summary }: { summary: Summary }) {
  const shift = summary.shift;
  return (
    <>
      {summary.feedback ? (
        <div className="card">
          <h3>Host's feedback</h3>
          <p className="muted">
            From {summary.feedback.authorName}, {date(summary.feedback.submittedAt)}.
          </p>
          <ul>
            {summary.feedback.values.map((v) => (
              <li key={v.value}>
                <strong>{v.value}:</strong> {SEEN_LABELS[v.seen]}
                {v.note ? `. ${v.note}` : ""}
              </li>
            ))}
          </ul>
          <p>
            <strong>Recommendation:</strong> {RECOMMENDATION_LABELS[summary.feedback.recommendation]}
          </p>
          {summary.feedback.concerns ? (
            <p>
              <strong>Concerns:</strong> {summary.feedback.concerns}
            </p>
          ) : null}
          {summary.feedback.supportedComment ? (
            <blockquote>
              <p>{summary.feedback.supportedComment}</p>
              <footer>
                In their own words: {summary.feedback.supportedBy ? SUPPORTED_BY_LABELS[summary.feedback.supportedBy] : "someone they met"}{" "}
                (passed on by the host)
              </footer>
            </blockquote>
          ) : null}
        </div>
      ) : shift?.status === "confirmed" ? (
        <p>No feedback from the host yet.</p>
      ) : null}
      {summary.reflection ? (
        <p>
          <strong>The candidate's answer to "Is this the job for you?":</strong> {REFLECTION_ANSWERS[summary.reflection.answer]}
          {summary.reflection.note ? `. "${summary.reflection.note}"` : ""}
        </p>
      ) : null}
    </>
  );
}
