import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { ShiftFields, type ShiftFieldValues, shiftFieldValues } from "#app/components/shadow-shift-fields.js";
import { ShadowOutcome } from "#app/components/shadow-outcome.js";
import { formatLondonSlot } from "#app/domain/workshops/london-time.js";
import type { loadShadowSection } from "./shadow-actions.server.js";

type Section = SerializeFrom<Awaited<ReturnType<typeof loadShadowSection>>>;

const STATUS = {
  open: "Open",
  proposed: "Proposed: waiting for the candidate to accept",
  confirmed: "Confirmed",
  cancelled: "Cancelled",
} as const;
const NOTICES: Record<string, string> = {
  proposed: "The time is proposed. We have emailed the candidate to accept it.",
  moved: "The shift is moved. We have emailed the candidate to accept the new time.",
  cancelled: "The shift is cancelled. We have emailed the candidate.",
};

/** The application page's shadow shift: what happened (for the team and the vote) and, at the shadow step, arranging it. */
export function ShadowSection({ shadow }: { shadow: Section }) {
  const { summary, live, hosts, canArrange, feedbackUrl } = shadow;
  const actionData = useActionData<{ fieldErrors?: Record<string, string>; values?: ShiftFieldValues }>();
  const [params] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  const notice = NOTICES[params.get("shadow") ?? ""];
  const shift = summary.shift;
  return (
    <section aria-labelledby="shadow-title">
      <h2 id="shadow-title">Shadow shift</h2>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {!shift ? <p>No shadow shift arranged yet.</p> : null}
      {shift ? (
        <p>
          {formatLondonSlot(shift.startsAt, shift.endsAt)} with {shift.hostName}. Meeting at {shift.meetingPoint}. {STATUS[shift.status]}.
        </p>
      ) : null}
      <ShadowOutcome summary={summary} />
      {feedbackUrl ? (
        <p>
          <Link to={feedbackUrl}>{summary.feedback ? "Change the host's feedback" : "Give or record the host's feedback"}</Link>
        </p>
      ) : null}
      {canArrange && live ? (
        <>
          <Form method="post" noValidate className="stack card">
            <h3>Move this shift</h3>
            <p>The candidate is emailed and asked to accept the new time.</p>
            <input type="hidden" name="shiftId" value={live.id} />
            <ShiftFields hosts={hosts} errors={errors} values={actionData?.values ?? shiftFieldValues(live)} />
            <button type="submit" name="intent" value="shadow-move" className="button">
              Move the shift
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="shiftId" value={live.id} />
            <button type="submit" name="intent" value="shadow-cancel" className="button warning">
              Cancel the shadow shift
            </button>
          </Form>
        </>
      ) : null}
      {canArrange && !live && shift?.status !== "confirmed" ? (
        <Form method="post" noValidate className="stack card">
          <h3>Propose a shadow shift</h3>
          <p>The candidate is emailed and asked to accept it. They can also choose a time team members have offered.</p>
          <ShiftFields hosts={hosts} errors={errors} values={actionData?.values ?? {}} />
          <button type="submit" name="intent" value="shadow-propose" className="button">
            Propose this shift
          </button>
        </Form>
      ) : null}
    </section>
  );
}
