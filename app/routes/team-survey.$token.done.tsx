import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Thank you" }];

export default function MemberSurveyDone() {
  return (
    <div className="narrow">
      <h1>Thank you</h1>
      <p className="lede">
        Your answers are saved. Nobody sees them on their own: only your team's average, once at least 3 people have answered.
      </p>
    </div>
  );
}
