import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, TextArea } from "#app/components/forms.js";
import { eraseCandidate, erasurePreview } from "#app/domain/privacy/erase-candidate.server.js";
import { findLegalHold, liftLegalHold, placeLegalHold } from "#app/domain/privacy/legal-hold.server.js";
import { PrivacyError } from "#app/domain/privacy/privacy.errors.js";
import { EraseCandidateSchema, LegalHoldSchema } from "#app/domain/privacy/privacy.schema.js";
import { findApplicationById } from "#db/queries/applications.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";
import { formatUk } from "#app/domain/dates.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Personal data: ${data.fullName}` : "Personal data" }];

async function candidateOf(request: Request, applicationId: string | undefined) {
  const id = requireUuid(applicationId);
  const scope = await staffScope(request, MANAGE_ROLES);
  const application = await scope.scoped((trx) => findApplicationById(trx, id));
  if (!application) throw new Response("We could not find that application.", { status: 404 });
  return { ...scope, id, application };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scoped, id, application } = await candidateOf(request, params.applicationId);
  const { preview, hold } = await scoped(async (trx) => ({
    preview: await erasurePreview({ trx }, application.candidateId),
    hold: await findLegalHold(trx, application.candidateId),
  }));
  return { id, fullName: application.fullName, preview, hold };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, run, id, application } = await candidateOf(request, params.applicationId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const actor = { userId: staff.userId, name: staff.name };
  const fail = (fieldErrors: Record<string, string>, values: Record<string, unknown> = {}) =>
    Response.json({ intent, fieldErrors, values }, { status: 400 });
  if (intent === "hold") {
    const result = parseForm(form, LegalHoldSchema);
    if (!result.ok) return fail(result.fieldErrors, result.values);
    await run(({ trx }) => placeLegalHold(trx, { candidateId: application.candidateId, reason: result.data.reason, actor }));
    return redirect(`/pipeline/${id}/personal-data?held=1`);
  }
  if (intent === "lift") {
    await run(({ trx }) => liftLegalHold(trx, { candidateId: application.candidateId, actor }));
    return redirect(`/pipeline/${id}/personal-data`);
  }
  if (intent === "erase") {
    const result = parseForm(form, EraseCandidateSchema);
    if (!result.ok) return fail(result.fieldErrors, result.values);
    try {
      await run((ctx) =>
        eraseCandidate(ctx, {
          candidateId: application.candidateId,
          why: "lead",
          reason: result.data.reason,
          actor,
          confirmedOffer: result.data.confirmOffer === "yes",
        }),
      );
    } catch (error) {
      if (error instanceof PrivacyError && error.code === "needs_confirmation") return fail({ [error.field]: error.message }, result.data);
      throw error;
    }
    return redirect(`/pipeline/${id}`);
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function PersonalData() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = actionData?.fieldErrors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const erased = data.preview.alreadyErased;
  return (
    <div className="narrow">
      <p>
        <Link to={`/pipeline/${data.id}`}>Back to the application</Link>
      </p>
      <h1>Personal data: {data.fullName}</h1>
      <ErrorSummary errors={errors} />
      {erased ? (
        <p className="lede">This person's personal data has been erased. Only anonymous counts are kept.</p>
      ) : (
        <>
          <h2>Answer a request for their data</h2>
          <p>
            Download everything held about this person, across all their applications, including staff notes, scores and votes. You must
            answer a request within one month.
          </p>
          <p>
            <a className="button" href={`/pipeline/${data.id}/personal-data.json`} download>
              Download everything (JSON)
            </a>
          </p>

          <h2>Legal hold</h2>
          {data.hold.legalHoldAt ? (
            <>
              <p>
                On hold since {formatUk(data.hold.legalHoldAt, { dateStyle: "long" })} by {data.hold.legalHoldByName}:{" "}
                {data.hold.legalHoldReason}. Their data is not erased when the retention period ends.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="lift" />
                <button type="submit" className="button button-secondary">
                  Lift the hold
                </button>
              </Form>
            </>
          ) : (
            <Form method="post" noValidate className="stack">
              <input type="hidden" name="intent" value="hold" />
              <p>A hold stops the retention schedule from erasing this person, for example during a claim.</p>
              <TextArea
                name="reason"
                id="hold-reason"
                label="Reason for the hold"
                error={actionData?.intent === "hold" ? errors.reason : undefined}
              />
              <button type="submit" className="button button-secondary">
                Place a legal hold
              </button>
            </Form>
          )}

          <h2>Erase on request</h2>
          <p>
            This removes their name, contact details, answers, notes and emails from every application. Open applications are withdrawn,
            future bookings, shifts, reminders and keep-in-touch emails are cancelled
            {data.preview.openVotes > 0 ? ", and the open team vote is cancelled (the voters are told, without a reason)" : ""}. The
            anonymous counts on the dashboards stay the same. It cannot be undone.
          </p>
          <Form method="post" noValidate className="stack">
            <input type="hidden" name="intent" value="erase" />
            <TextArea
              name="reason"
              label="Why are you erasing their data?"
              hint="For example: asked by email on 3 December. Do not include their name."
              error={actionData?.intent === "erase" ? errors.reason : undefined}
              defaultValue={values.reason ?? ""}
            />
            {data.preview.hasAcceptedOffer ? (
              <ChoiceGroup
                name="confirmOffer"
                type="checkbox"
                label={`This person has accepted a job offer${data.preview.startDate ? ` starting ${data.preview.startDate}` : ""}`}
                hint="Erasing them withdraws the offer and stops keeping in touch."
                options={{ yes: "I understand, and want to erase their data" }}
                error={errors.confirmOffer}
              />
            ) : null}
            <button type="submit" className="button button-warning">
              Erase their personal data
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
