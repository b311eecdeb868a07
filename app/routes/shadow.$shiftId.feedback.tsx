import { openVoteAfterFeedback } from "#app/domain/votes/open-vote.server.js";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { findFeedbackForShift, findShadowApplication } from "#db/queries/shadow.js";
import { ChoiceGroup, ErrorSummary, TextArea } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import type { StaffActor } from "#app/domain/shadow/shadow-access.server.js";
import { ShadowError } from "#app/domain/shadow/shadow.errors.js";
import {
  feedbackFromForm,
  feedbackSchema,
  RECOMMENDATION_LABELS,
  SEEN_LABELS,
  SUPPORTED_BY_LABELS,
} from "#app/domain/shadow/shadow.schema.js";
import { findShiftForFeedback, submitShadowFeedback } from "#app/domain/shadow/submit-feedback.server.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { formatLondonSlot } from "#app/domain/workshops/london-time.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { staffScope, type Tx } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Shadow shift feedback: ${data.candidateName}` : "Shadow shift feedback" },
];

const valueNames = async (trx: Tx) => (await findLiveSurvey(trx)).definition.values.map((v) => v.name);

async function guarded<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ShadowError) throw new Response(error.message, { status: error.code === "not_allowed" ? 403 : 404 });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request);
  const shiftId = requireUuid(params.shiftId);
  const actor: StaffActor = { userId: staff.userId, name: staff.name, role: staff.role };
  return guarded(() =>
    scoped(async (trx) => {
      const shift = await findShiftForFeedback(trx, actor, shiftId);
      const [application, feedback, values] = await Promise.all([
        findShadowApplication(trx, shift.applicationId),
        findFeedbackForShift(trx, shiftId),
        valueNames(trx),
      ]);
      return {
        candidateName: application?.fullName ?? "the candidate",
        applicationId: shift.applicationId,
        hostName: shift.hostName,
        isHost: shift.hostUserId === staff.userId,
        when: formatLondonSlot(shift.startsAt, shift.endsAt),
        started: new Date(shift.startsAt).getTime() <= Date.now(),
        values,
        feedback: feedback
          ? {
              values: feedback.values,
              concerns: feedback.concerns,
              recommendation: feedback.recommendation,
              supportedComment: feedback.supportedComment,
              supportedBy: feedback.supportedBy ?? "",
            }
          : null,
      };
    }),
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request);
  const shiftId = requireUuid(params.shiftId);
  const actor: StaffActor = { userId: staff.userId, name: staff.name, role: staff.role };
  const form = await readForm(request);
  return guarded(() =>
    run(async (ctx) => {
      const values = await valueNames(ctx.trx);
      const result = parseForm(form, feedbackSchema(values));
      if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
      const { applicationId } = await submitShadowFeedback(
        ctx.trx,
        actor,
        shiftId,
        feedbackFromForm(values, result.data as Record<string, unknown>),
      );
      return openVoteAfterFeedback(ctx, applicationId, actor);
    }).then((opened) => {
      if (opened instanceof Response) return opened;
      return redirect(`/shadow/${shiftId}/feedback?saved=1${opened ? "&vote=opened" : ""}`);
    }),
  );
}

export default function ShadowFeedback() {
  const { candidateName, applicationId, hostName, isHost, when, started, values, feedback } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const schema = useMemo(() => feedbackSchema(values), [values]);
  const form = useSchemaForm(schema);
  const errors = Object.keys(form.errors).length ? form.errors : (actionData?.fieldErrors ?? {});
  const typed = actionData?.values;
  const initial = (name: string, saved: string | undefined) => (typed ? (typed[name] ?? "") : (saved ?? ""));
  const labels: Record<string, string> = Object.fromEntries(values.map((v, i) => [`seen_${i}`, v]));
  return (
    <div className="narrow">
      <p>
        <Link to="/shadow">Shadow shifts</Link>
      </p>
      <h1>Feedback on {candidateName}'s shadow shift</h1>
      <p className="lede">
        {when}, hosted by {hostName}.{isHost ? "" : ` You are recording this for ${hostName}.`}
      </p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          Thank you. Your feedback is saved and the team can see it on{" "}
          <Link to={`/pipeline/${applicationId}`}>{candidateName}'s application</Link>.
          {params.get("vote") ? " The team's vote is now open: every member has been emailed a link to vote." : ""}
        </p>
      ) : null}
      {!started ? <p>You can give feedback once the shift has started.</p> : null}
      {started ? (
        <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
          <ErrorSummary errors={errors} labels={labels} />
          <h2>Our values</h2>
          <p>For each value, how much did you see it during the shift?</p>
          {values.map((value, i) => (
            <div key={value} className="stack">
              <ChoiceGroup
                name={`seen_${i}`}
                type="radio"
                label={value}
                options={SEEN_LABELS}
                error={errors[`seen_${i}`]}
                defaultValue={initial(`seen_${i}`, feedback?.values.find((v) => v.value === value)?.seen)}
              />
              <TextArea
                name={`note_${i}`}
                label={`What you saw of ${value.toLowerCase()} (optional)`}
                error={errors[`note_${i}`]}
                defaultValue={initial(`note_${i}`, feedback?.values.find((v) => v.value === value)?.note)}
              />
            </div>
          ))}
          <TextArea
            name="concerns"
            label="Any concerns? (optional)"
            hint="Anything the team should know before the vote."
            error={errors.concerns}
            defaultValue={initial("concerns", feedback?.concerns)}
          />
          <ChoiceGroup
            name="recommendation"
            type="radio"
            label="Would you like them to join the team?"
            options={RECOMMENDATION_LABELS}
            error={errors.recommendation}
            defaultValue={initial("recommendation", feedback?.recommendation)}
          />
          <h2>From the person you support, or their family (optional)</h2>
          <TextArea
            name="supportedComment"
            label="What they said about the candidate"
            hint="In their words, if they were happy to share. It is shown as theirs, next to your feedback."
            error={errors.supportedComment}
            defaultValue={initial("supportedComment", feedback?.supportedComment)}
          />
          <ChoiceGroup
            name="supportedBy"
            type="radio"
            label="Who said it?"
            options={SUPPORTED_BY_LABELS}
            error={errors.supportedBy}
            defaultValue={initial("supportedBy", feedback?.supportedBy)}
          />
          <button type="submit" className="button">
            {feedback ? "Update feedback" : "Send feedback"}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
