import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { findLatestOfferForApplication, listChecks } from "#db/queries/offers.js";
import { ChoiceGroup, ErrorSummary, TextArea } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { ApplicationError } from "#app/domain/applications/application.errors.js";
import { firstName } from "#app/domain/names.js";
import { candidateChecks } from "#app/domain/offers/candidate-checks.js";
import { formatUkDay } from "#app/domain/offers/offer-rules.js";
import { OfferError, offerErrorStatus } from "#app/domain/offers/offer.errors.js";
import { CANDIDATE_WITHDRAWAL_REASONS } from "#app/domain/offers/offer-options.js";
import { acceptOffer, declineOffer } from "#app/domain/offers/respond-to-offer.server.js";
import { withdrawAfterAcceptance } from "#app/domain/offers/withdraw-offer.server.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { requireCandidateScope } from "#app/utils/tenant.server.js";
import { CandidateWithdrawOfferSchema, DeclineOfferSchema, parseForm } from "#app/utils/candidate-forms.server.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Your job offer" }];

async function scope(request: Request, applicationId: string | undefined) {
  const id = requireUuid(applicationId);
  return { id, ...(await requireCandidateScope(request)) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, candidate, scoped } = await scope(request, params.applicationId);
  const offer = await scoped((trx) => findLatestOfferForApplication(trx, id));
  if (!offer || offer.candidateId !== candidate.candidateId) throw new Response("We could not find that offer.", { status: 404 });
  // Once they have said yes: the checks before the first day, in their words (never the staff note).
  const checks = offer.status === "accepted" ? candidateChecks(await scoped((trx) => listChecks(trx, [offer.id]))) : [];
  // Only what the candidate needs: never the other members' names or anything about the team's vote.
  return {
    status: offer.stage === "offer" || offer.status !== "offered" ? offer.status : "closed",
    roleTitle: offer.roleTitle,
    hours: offer.hours,
    pay: offer.pay,
    startDate: formatUkDay(offer.startDate),
    teamName: offer.teamName,
    buddyName: offer.buddyName ? firstName(offer.buddyName) : null,
    checks,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { id, candidate, run } = await scope(request, params.applicationId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const args = { applicationId: id, candidateId: candidate.candidateId, name: candidate.name };
  const fail = (fieldErrors: Record<string, string>, values: Record<string, unknown> = {}, status = 400) =>
    Response.json({ intent, fieldErrors, values }, { status });
  try {
    if (intent === "accept") {
      await run((ctx) => acceptOffer(ctx, args));
      return redirect(`/me/offer/${id}?accepted=1`);
    }
    if (intent === "decline") {
      const result = parseForm(form, DeclineOfferSchema);
      if (!result.ok) return fail(result.fieldErrors, result.values);
      await run((ctx) => declineOffer(ctx, { ...args, reason: result.data.reason }));
      return redirect(`/me/offer/${id}?declined=1`);
    }
    if (intent === "withdraw") {
      const result = parseForm(form, CandidateWithdrawOfferSchema);
      if (!result.ok) return fail(result.fieldErrors, result.values);
      await run((ctx) =>
        withdrawAfterAcceptance(ctx, {
          applicationId: id,
          candidateId: candidate.candidateId,
          reason: result.data.withdrawalReason,
          note: result.data.note,
          actor: { userId: null, name: candidate.name },
        }),
      );
      return redirect(`/me/offer/${id}?withdrawn=1`);
    }
    return fail({ form: "Something went wrong. Please try again." });
  } catch (error) {
    if (error instanceof OfferError) return fail({ form: error.message }, {}, offerErrorStatus(error));
    if (error instanceof ApplicationError && error.code !== "not_found") return fail({ form: error.message }, {}, 409);
    throw error;
  }
}

type ActionData = { intent?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

export default function OfferPage() {
  const offer = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const withdrawForm = useSchemaForm(() => import("#app/domain/offers/offer.schema.js").then((m) => m.CandidateWithdrawOfferSchema));
  const errors = { ...(actionData?.fieldErrors ?? {}), ...withdrawForm.errors };
  const value = (name: string) => actionData?.values?.[name] ?? "";
  return (
    <div className="narrow">
      <p>
        <Link to="/me">Your applications</Link>
      </p>
      <h1>Your job offer</h1>
      {params.get("accepted") ? (
        <p className="notice" role="status">
          Thank you, and welcome. We have told the team. We will keep in touch until your first day.
        </p>
      ) : null}
      {params.get("declined") ? (
        <p className="notice" role="status">
          Thank you for letting us know. Your application is now closed. You are welcome to apply again whenever you are ready.
        </p>
      ) : null}
      {params.get("withdrawn") ? (
        <p className="notice" role="status">
          Thank you for telling us. We will not contact you about this job again. You are welcome to apply again whenever you are ready.
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <section className="card" aria-labelledby="offer-title">
        <h2 id="offer-title">{offer.roleTitle}</h2>
        <dl>
          <dt>Hours</dt>
          <dd>{offer.hours}</dd>
          <dt>Pay</dt>
          <dd>{offer.pay}</dd>
          <dt>Start date</dt>
          <dd>{offer.startDate}</dd>
          <dt>Team</dt>
          <dd>{offer.teamName}</dd>
          {offer.buddyName ? (
            <>
              <dt>Your buddy</dt>
              <dd>{offer.buddyName}, a member of the team who will keep in touch and help you settle in</dd>
            </>
          ) : null}
        </dl>
      </section>
      {offer.status === "offered" ? (
        <>
          <Form method="post" className="stack">
            <h2>Would you like the job?</h2>
            <button type="submit" name="intent" value="accept" className="button">
              Accept the offer
            </button>
          </Form>
          <Form method="post" className="stack">
            <h2>If you would rather not</h2>
            <TextArea
              name="reason"
              label="Would you like to tell us why? (optional)"
              error={actionData?.intent === "decline" ? errors.reason : undefined}
              defaultValue={value("reason")}
            />
            <button type="submit" name="intent" value="decline" className="button warning">
              Decline the offer
            </button>
          </Form>
        </>
      ) : null}
      {offer.status === "accepted" ? (
        <>
          <p>You have accepted this offer. Here is what happens before your first day.</p>
          <section className="card" aria-labelledby="checks-title">
            <h2 id="checks-title">Checks before you start</h2>
            <p>
              {offer.checks.filter((c) => c.status === "done").length} of {offer.checks.length} done.
            </p>
            <ul className="list-plain stack">
              {offer.checks.map((c) => (
                <li key={c.kind}>
                  <h3>{c.title}</h3>
                  <p>{c.about}</p>
                  <p>
                    <strong>Where it is:</strong> {c.state}
                  </p>
                  {c.todo ? (
                    <p>
                      <strong>What you need to do:</strong> {c.todo}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="first-day-title">
            <h2 id="first-day-title">Until your first day</h2>
            <ul>
              <li>We will email you each week with news from the team.</li>
              {offer.buddyName ? <li>{offer.buddyName}, your buddy, will call you for a chat.</li> : null}
              <li>Your first day is {offer.startDate}.</li>
            </ul>
          </section>
          <Form method="post" noValidate className="stack" onSubmit={withdrawForm.onSubmit} onChange={withdrawForm.onChange}>
            <h2>If you can no longer start</h2>
            <p>Please tell us, so the team can plan. We will not contact you about this job again.</p>
            <ChoiceGroup
              type="radio"
              name="withdrawalReason"
              label="What is the main reason?"
              options={CANDIDATE_WITHDRAWAL_REASONS}
              error={errors.withdrawalReason}
              defaultValue={value("withdrawalReason")}
            />
            <TextArea
              name="note"
              label="Anything else you would like to tell us? (optional)"
              error={errors.note}
              defaultValue={value("note")}
            />
            <button type="submit" name="intent" value="withdraw" className="button warning">
              I will not be starting
            </button>
          </Form>
        </>
      ) : null}
      {offer.status === "started" ? <p>You have started with the team. Welcome.</p> : null}
      {offer.status === "declined" || offer.status === "withdrawn" || offer.status === "no_show" || offer.status === "closed" ? (
        <p>This offer is closed.</p>
      ) : null}
    </div>
  );
}
