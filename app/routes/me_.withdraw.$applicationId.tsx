import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextArea } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { ApplicationError } from "#app/domain/applications/application.errors.js";
import { withdrawApplication } from "#app/domain/applications/withdraw-application.server.js";
import { isOpen } from "#app/domain/applications/stages.js";
import { WithdrawApplicationSchema } from "#app/domain/privacy/privacy.schema.js";
import { findOwnApplication } from "#db/queries/applications.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { requireCandidateScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Withdraw your application" }];

async function scope(request: Request, applicationId: string | undefined) {
  const id = requireUuid(applicationId);
  return { id, ...(await requireCandidateScope(request)) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, candidate, scoped } = await scope(request, params.applicationId);
  const application = await scoped((trx) => findOwnApplication(trx, id, candidate.candidateId));
  if (!application) throw new Response("We could not find that application.", { status: 404 });
  return {
    id,
    title: application.title,
    closed: !isOpen(application.stage),
    offer: application.stage === "offer",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { id, candidate, run } = await scope(request, params.applicationId);
  const result = parseForm(await readForm(request), WithdrawApplicationSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  try {
    await run((ctx) =>
      withdrawApplication(ctx, { applicationId: id, candidateId: candidate.candidateId, name: candidate.name, reason: result.data.reason }),
    );
  } catch (error) {
    if (error instanceof ApplicationError && error.code === "not_found") throw new Response(error.message, { status: 404 });
    if (error instanceof ApplicationError)
      return Response.json({ fieldErrors: { form: error.message }, values: result.data }, { status: 409 });
    throw error;
  }
  return redirect("/me?withdrawn=1");
}

export default function Withdraw() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useSchemaForm(WithdrawApplicationSchema);
  const errors: Record<string, string | undefined> = { ...(actionData?.fieldErrors ?? {}), ...form.errors };
  if (data.closed) {
    return (
      <div className="narrow">
        <h1>This application has closed</h1>
        <p>
          <Link to="/me">Back to your applications</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <p>
        <Link to="/me">Back to your applications</Link>
      </p>
      <h1>Withdraw your application</h1>
      <p className="lede">{data.title}</p>
      <p>If you withdraw, we will stop here. You can apply again at any time.</p>
      {data.offer ? (
        <p>
          Have you said yes to a job offer? Then use <Link to={`/me/offer/${data.id}`}>your offer page</Link> instead.
        </p>
      ) : null}
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        {errors.form ? <p className="error-message">{errors.form}</p> : null}
        <TextArea
          name="reason"
          label="Why are you withdrawing? (optional)"
          hint="This helps us do better. You do not have to say."
          error={errors.reason}
          defaultValue={typeof actionData?.values?.reason === "string" ? actionData.values.reason : ""}
        />
        <button type="submit" className="button">
          Withdraw my application
        </button>
      </Form>
    </div>
  );
}
