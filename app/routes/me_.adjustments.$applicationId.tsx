import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { findOwnApplication } from "#db/queries/applications.js";
import { ChoiceGroup, ErrorSummary, TextArea } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { ApplicationError } from "#app/domain/applications/application.errors.js";
import { ADJUSTMENTS } from "#app/domain/applications/application-options.js";
import { isOpen } from "#app/domain/applications/stages.js";
import { updateAdjustments } from "#app/domain/applications/update-adjustments.server.js";
import { AdjustmentsSchema, parseForm } from "#app/utils/candidate-forms.server.js";
import { readForm } from "#app/utils/form.server.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { requireCandidateScope } from "#app/utils/tenant.server.js";

export const meta: MetaFunction = () => [{ title: "What would make things easier for you" }];

async function scope(request: Request, applicationId: string | undefined) {
  const id = requireUuid(applicationId);
  return { id, ...(await requireCandidateScope(request)) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, candidate, scoped } = await scope(request, params.applicationId);
  const application = await scoped((trx) => findOwnApplication(trx, id, candidate.candidateId));
  if (!application) throw new Response("We could not find that application.", { status: 404 });
  return {
    title: application.title,
    open: isOpen(application.stage),
    adjustments: application.adjustments,
    adjustmentsNote: application.adjustmentsNote,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { id, candidate, run } = await scope(request, params.applicationId);
  const result = parseForm(await readForm(request), AdjustmentsSchema, ["adjustments"]);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  try {
    await run((ctx) =>
      updateAdjustments(ctx, { ...result.data, applicationId: id, candidateId: candidate.candidateId, name: candidate.name }),
    );
  } catch (error) {
    if (error instanceof ApplicationError && error.code === "not_found") throw new Response(error.message, { status: 404 });
    if (error instanceof ApplicationError)
      return Response.json({ fieldErrors: { form: error.message }, values: result.data }, { status: 409 });
    throw error;
  }
  return redirect(`/me/adjustments/${id}?saved=1`);
}

type ActionData = { fieldErrors?: Record<string, string>; values?: Record<string, unknown> };

export default function AdjustmentsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const form = useSchemaForm(
    () => import("#app/domain/applications/application.schema.js").then((m) => m.AdjustmentsSchema),
    ["adjustments"],
  );
  const errors: Record<string, string | undefined> = form.shown(actionData?.fieldErrors);
  const sent = actionData?.values;
  const chosen = Array.isArray(sent?.adjustments) ? (sent.adjustments as string[]) : data.adjustments;
  const note = typeof sent?.adjustmentsNote === "string" ? sent.adjustmentsNote : data.adjustmentsNote;
  return (
    <div className="narrow">
      <p>
        <Link to="/me">Your applications</Link>
      </p>
      <h1>What would make things easier for you</h1>
      <p className="lede">{data.title}</p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          Thank you. We have saved your changes.
        </p>
      ) : null}
      {data.open ? (
        <>
          <p>
            Tell us what would help at each step. The people you meet will see this, so they can help. That is the team member you shadow,
            the team who decide, your buddy and the person who looks after your application.
          </p>
          <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
            <ErrorSummary errors={errors} />
            {errors.form ? <p className="error-message">{errors.form}</p> : null}
            <ChoiceGroup
              name="adjustments"
              type="checkbox"
              label="Would anything make the next steps easier for you? (optional)"
              options={ADJUSTMENTS}
              error={errors.adjustments}
              defaultValue={chosen}
            />
            <TextArea
              name="adjustmentsNote"
              label="Anything else we can do to help? (optional)"
              error={errors.adjustmentsNote}
              defaultValue={note}
            />
            <button type="submit" className="button">
              Save my changes
            </button>
          </Form>
        </>
      ) : (
        <p>This application has closed, so there is nothing to change.</p>
      )}
    </div>
  );
}
