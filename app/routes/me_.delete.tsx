import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { eraseCandidate, erasurePreview } from "#app/domain/privacy/erase-candidate.server.js";
import { DeleteMyDataSchema } from "#app/domain/privacy/privacy.schema.js";
import { endSession } from "#app/utils/session.server.js";
import { requireCandidateScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Delete your data" }];

const scope = requireCandidateScope;

export async function loader({ request }: LoaderFunctionArgs) {
  const { candidate, scoped } = await scope(request);
  const preview = await scoped((trx) => erasurePreview({ trx }, candidate.candidateId));
  return { ...preview, name: candidate.name };
}

export async function action({ request }: ActionFunctionArgs) {
  const { candidate, run } = await scope(request);
  const result = parseForm(await readForm(request), DeleteMyDataSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors }, { status: 400 });
  await run((ctx) =>
    eraseCandidate(ctx, { candidateId: candidate.candidateId, why: "candidate", actor: { userId: null, name: "The candidate" } }),
  );
  return redirect("/me/deleted", { headers: { "Set-Cookie": await endSession(request) } });
}

export default function DeleteMyData() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useSchemaForm(DeleteMyDataSchema);
  const errors = { ...(actionData?.fieldErrors ?? {}), ...form.errors };
  return (
    <div className="narrow">
      <p>
        <Link to="/me/data">Back to your data</Link>
      </p>
      <h1>Delete your data</h1>
      <p className="lede">This deletes your name, contact details and answers. It cannot be undone.</p>
      <h2>What happens</h2>
      <ul>
        <li>
          We delete your details, your answers, your notes and the emails about you
          {data.applications > 1 ? ` from all ${data.applications} applications` : ""}.
        </li>
        <li>We stop your open applications. We cancel any place you have booked.</li>
        {data.openVotes > 0 ? <li>The team vote on your application is stopped. The team is told it was cancelled, not why.</li> : null}
        {data.hasAcceptedOffer ? (
          <li>
            <strong>You have accepted a job offer.</strong> Deleting your data also stops the offer. Talk to us first if you still want the
            job.
          </li>
        ) : null}
        <li>We keep counts with no name on them, such as how many people applied this month.</li>
        <li>You will be signed out.</li>
      </ul>
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        <ChoiceGroup
          name="understood"
          type="checkbox"
          label="Please confirm"
          options={{ yes: "I understand my data will be deleted and this cannot be undone" }}
          error={errors.understood}
        />
        <button type="submit" className="button button-warning">
          Delete my data
        </button>
      </Form>
    </div>
  );
}
