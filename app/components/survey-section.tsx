import type { SerializeFrom } from "@remix-run/node";
import { ProfileChart } from "#app/components/profile-chart.js";
import type { SurveySummary } from "#app/domain/survey/survey-summary.server.js";
import { formatUk } from "#app/domain/dates.js";

const when = (d: string | Date) => formatUk(d, { dateStyle: "medium" });

export function SurveySection({ survey }: { survey: SerializeFrom<SurveySummary> }) {
  return (
    <section aria-labelledby="survey-title">
      <h2 id="survey-title">Values survey</h2>
      {survey.state === "not_started" ? <p>Not started yet.</p> : null}
      {survey.state === "in_progress" ? (
        <p>
          In progress since {when(survey.startedAt)}: {survey.answered} of {survey.total} questions answered.
        </p>
      ) : null}
      {survey.state === "complete" ? (
        <>
          <p>
            Finished {when(survey.completedAt)} (survey version {survey.version}). Overall fit <strong>{survey.fit ?? "not known"}</strong>{" "}
            out of 100, against a threshold of {survey.threshold}.{" "}
            {survey.outcome === "invited"
              ? "Invited to book a workshop automatically."
              : "Waiting in the review queue for a lead to decide."}
          </p>
          <p>
            {survey.answered} of {survey.total} questions answered.
            {survey.strongest.length ? ` Strongest values: ${survey.strongest.join(" and ")}.` : ""}
          </p>
          {survey.below.length ? (
            <p className="notice warning">
              Below the review threshold of {survey.threshold}: {survey.below.map((b) => `${b.name} (${b.score})`).join(", ")}.
            </p>
          ) : null}
          <ProfileChart rows={survey.rows} title="Values profile, 0 to 100" />
          <p className="muted">
            Team average from {survey.comparison.teamAnswered} member{survey.comparison.teamAnswered === 1 ? "" : "s"}, organisation average
            from {survey.comparison.organisationAnswered}; each is shown from {survey.comparison.minimum} people up.
          </p>
        </>
      ) : null}
    </section>
  );
}
