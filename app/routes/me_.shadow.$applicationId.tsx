import { findOwnApplication } from "#db/queries/applications.js";
import { firstName } from "#app/domain/names.js";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findReflectionForShift, listOpenSlots } from "#db/queries/shadow.js";
import { findCandidateShift } from "#app/domain/shadow/candidate-shift.server.js";
import { ChoiceGroup, ErrorSummary, TextArea } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { cancelShiftByCandidate } from "#app/domain/shadow/cancel-shift.server.js";
import { submitReflection, withdrawAfterShadow } from "#app/domain/shadow/candidate-reflection.server.js";
import { acceptShift, pickSlot } from "#app/domain/shadow/pick-slot.server.js";
import { ShadowError, shadowErrorStatus } from "#app/domain/shadow/shadow.errors.js";
import { REFLECTION_ANSWERS, SHADOW_CUTOFF_HOURS } from "#app/domain/shadow/shadow-options.js";
import { formatLondonSlot } from "#app/domain/workshops/london-time.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { requireCandidateScope } from "#app/utils/tenant.server.js";
import { PickSlotSchema, ReflectionSchema, WithdrawSchema, parseForm } from "#app/utils/candidate-forms.server.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Your shadow shift" }];

async function scope(request: Request, applicationId: string | undefined) {
  const id = requireUuid(applicationId);
  return { id, ...(await requireCandidateScope(request)) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, candidate, scoped } = await scope(request, params.applicationId);
  const data = await scoped(async (trx) => {
    const application = await findOwnApplication(trx, id, candidate.candidateId);
    if (!application) return null;
    const shift = await findCandidateShift(trx, id);
    const [slots, reflection] = await Promise.all([
      listOpenSlots(trx, application.teamId, new Date(Date.now() + SHADOW_CUTOFF_HOURS * 3_600_000)),
      shift ? findReflectionForShift(trx, shift.id) : undefined,
    ]);
    return { application, shift, slots, reflection };
  });
  if (!data) throw new Response("We could not find that application.", { status: 404 });
  const { shift } = data;
  const now = Date.now();
  const done = [...new URL(request.url).searchParams.keys()].find((key) => key in NOTICES);
  return {
    id,
    notice: done ? NOTICES[done] : null,
    withdrawnNow: done === "withdrawn",
    title: data.application.title,
    stage: data.application.stage,
    // Only what the candidate may see (the domain withholds the visit details until confirmed).
    shift: shift
      ? {
          status: shift.status,
          when: formatLondonSlot(shift.startsAt, shift.endsAt),
          hostName: firstName(shift.hostName),
          meetingPoint: shift.meetingPoint,
          bringAndWear: shift.bringAndWear,
          visitDetails: shift.visitDetails,
          started: new Date(shift.startsAt).getTime() <= now,
          over: new Date(shift.endsAt).getTime() <= now,
        }
      : null,
    slots: data.slots.map((s) => ({
      id: s.id,
      when: formatLondonSlot(s.startsAt, s.endsAt),
      hostName: firstName(s.hostName),
      meetingPoint: s.meetingPoint,
    })),
    reflection: data.reflection ? { answer: data.reflection.answer, note: data.reflection.note } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { id, candidate, run } = await scope(request, params.applicationId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const args = { applicationId: id, candidateId: candidate.candidateId };
  try {
    if (intent === "pick" || intent === "accept") {
      if (intent === "pick") {
        const result = parseForm(form, PickSlotSchema);
        if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors }, { status: 400 });
        await run((ctx) => pickSlot(ctx, { ...args, slotId: result.data.slotId }));
      } else {
        await run((ctx) => acceptShift(ctx, args));
      }
      return redirect(`/me/shadow/${id}?confirmed=1`);
    }
    if (intent === "cancel") {
      await run((ctx) => cancelShiftByCandidate(ctx, id, candidate.candidateId));
      return redirect(`/me/shadow/${id}?cancelled=1`);
    }
    if (intent === "reflect") {
      const result = parseForm(form, ReflectionSchema);
      if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
      await run(({ trx }) => submitReflection(trx, { ...args, ...result.data }));
      return redirect(`/me/shadow/${id}?reflected=1`);
    }
    if (intent === "withdraw") {
      const result = parseForm(form, WithdrawSchema);
      if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
      await run((ctx) => withdrawAfterShadow(ctx, { ...args, name: candidate.name, reason: result.data.reason }));
      return redirect(`/me/shadow/${id}?withdrawn=1`);
    }
    return Response.json({ fieldErrors: { form: "Something went wrong. Please try again." } }, { status: 400 });
  } catch (error) {
    if (error instanceof ShadowError) {
      return Response.json(
        { fieldErrors: { [intent === "pick" ? "slotId" : "form"]: error.message } },
        { status: shadowErrorStatus(error) },
      );
    }
    throw error;
  }
}

/** What the page says after each change (sent from the server, so the page's JavaScript stays small). */
const NOTICES: Record<string, string> = {
  confirmed: "Your shadow shift is booked. We have emailed you the details.",
  cancelled: "Your shadow shift is cancelled. You can choose another time below, or wait for us to suggest one.",
  reflected: "Thank you for telling us. It helps the team, and it helps you decide.",
  withdrawn:
    "Thank you for letting us know, and for giving the shift a try. Your application is now withdrawn. You are welcome to apply again whenever you are ready.",
};

type ActionData = { fieldErrors: Record<string, string>; values?: Record<string, string> };

export default function ShadowShiftPage() {
  const { id, title, stage, shift, slots, reflection, notice, withdrawnNow } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const pickForm = useSchemaForm(() => import("#app/domain/shadow/shadow.schema.js").then((m) => m.PickSlotSchema));
  const reflectForm = useSchemaForm(() => import("#app/domain/shadow/shadow.schema.js").then((m) => m.ReflectionSchema));
  const serverErrors = actionData?.fieldErrors ?? {};
  const errors = { ...serverErrors, ...pickForm.errors, ...reflectForm.errors };
  const value = (name: string, fallback = "") => actionData?.values?.[name] ?? fallback;
  const invited = stage === "shadow";
  // After the shift the candidate can still tell us how it went (or withdraw) while the team votes.
  const reflecting = invited || stage === "vote";
  const live = shift && !shift.over;
  return (
    <div className="narrow">
      <p>
        <Link to="/me">Your applications</Link>
      </p>
      <h1>Your shadow shift</h1>
      <p className="lede">
        For {title}. You spend a few hours with a member of the team, so you can see what the job is really like, and they can get to know
        you.
      </p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {!reflecting && !withdrawnNow ? <p>Your application is not at the shadow shift step. There is nothing to set up here.</p> : null}
      {shift ? (
        <section className="card" aria-labelledby="shift-title">
          <h2 id="shift-title">{shift.status === "proposed" ? "The time we suggest" : "Your shift"}</h2>
          <p>
            <strong>{shift.when}</strong>
          </p>
          <p>You will be with {shift.hostName}.</p>
          <p>Where to meet: {shift.meetingPoint}</p>
          {shift.visitDetails ? <p>The visit: {shift.visitDetails}</p> : null}
          {shift.status === "proposed" ? <p className="muted">We will tell you where the visit is once you accept.</p> : null}
          {shift.bringAndWear ? <p>What to bring and wear: {shift.bringAndWear}</p> : null}
          {shift.status === "confirmed" && !shift.over ? (
            <p>
              <a href={`/me/shadow/${id}/calendar.ics`} download>
                Add it to your calendar
              </a>
            </p>
          ) : null}
          {invited && live ? (
            <div className="button-row">
              {shift.status === "proposed" ? (
                <Form method="post">
                  <button type="submit" name="intent" value="accept" className="button">
                    Accept this time
                  </button>
                </Form>
              ) : null}
              <Form method="post">
                <button type="submit" name="intent" value="cancel" className="button warning">
                  {shift.status === "proposed" ? "I cannot do this time" : "Cancel my shadow shift"}
                </button>
              </Form>
            </div>
          ) : null}
        </section>
      ) : null}
      {invited && !shift ? (
        <Form method="post" noValidate className="stack" onSubmit={pickForm.onSubmit} onChange={pickForm.onChange}>
          <h2>Choose a time</h2>
          {slots.length === 0 ? (
            <p>There are no times to choose from right now. The team will suggest a time and we will email you.</p>
          ) : (
            <>
              <ChoiceGroup
                name="slotId"
                type="radio"
                label="Times the team can offer"
                hint="Each time shows who you would be with and where you would meet."
                error={errors.slotId}
                options={Object.fromEntries(slots.map((s) => [s.id, `${s.when}, with ${s.hostName}. Meet at: ${s.meetingPoint}`]))}
              />
              <button type="submit" name="intent" value="pick" className="button">
                Book this time
              </button>
            </>
          )}
          <p className="muted">If none of these times work for you, reply to our email and we will find another.</p>
        </Form>
      ) : null}
      {reflecting && shift?.status === "confirmed" && shift.started ? (
        <>
          <Form method="post" noValidate className="stack card" onSubmit={reflectForm.onSubmit} onChange={reflectForm.onChange}>
            <h2>How was it?</h2>
            <ChoiceGroup
              name="answer"
              type="radio"
              label="Is this the job for you?"
              error={errors.answer}
              options={REFLECTION_ANSWERS}
              defaultValue={value("answer", reflection?.answer ?? "")}
            />
            <TextArea
              name="note"
              label="Anything you would like to tell us? (optional)"
              hint="What you enjoyed, what surprised you, or any questions."
              error={errors.note}
              defaultValue={value("note", reflection?.note ?? "")}
            />
            <button type="submit" name="intent" value="reflect" className="button">
              {reflection ? "Update my answer" : "Send my answer"}
            </button>
          </Form>
          <Form method="post" className="stack">
            <h2>If the job is not for you</h2>
            <p>That is fine, and it is good to know now. You can withdraw your application here. We will not contact you about it again.</p>
            <TextArea
              name="reason"
              label="Would you like to tell us why? (optional)"
              error={errors.reason}
              defaultValue={value("reason")}
            />
            <button type="submit" name="intent" value="withdraw" className="button warning">
              Withdraw my application
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
