import { findOwnApplication } from "#db/queries/applications.js";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { deleteMyMonitoring, findMyMonitoring, saveMyMonitoring } from "#db/queries/people.js";
import { ChoiceGroup, ErrorSummary } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { MONITORING_QUESTION_KEYS, MONITORING_QUESTIONS } from "#app/domain/diversity/monitoring.js";
import { MonitoringSchema, parseForm } from "#app/utils/candidate-forms.server.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { requireCandidateScope } from "#app/utils/tenant.server.js";

import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Equal opportunities monitoring (optional)" }];

/** The signed-in candidate, and one of their own applications (404 for anyone else's). */
async function scope(request: Request, applicationId: string | undefined) {
  const id = requireUuid(applicationId);
  const { candidate, scoped } = await requireCandidateScope(request);
  const application = await scoped((trx) => findOwnApplication(trx, id, candidate.candidateId));
  if (!application) throw new Response("We could not find that application.", { status: 404 });
  return { id, title: application.title, scoped };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, title, scoped } = await scope(request, params.applicationId);
  // The candidate's own answers, so they can see and change them. No staff page reads these.
  const answers = await scoped((trx) => findMyMonitoring(trx, id));
  return { title, answers: answers ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { id, scoped } = await scope(request, params.applicationId);
  const form = await readForm(request);
  if (form.get("intent") === "delete") {
    await scoped((trx) => deleteMyMonitoring(trx, id));
    return redirect(`/me/monitoring/${id}?deleted=1`);
  }
  const result = parseForm(form, MonitoringSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  await scoped((trx) => saveMyMonitoring(trx, id, result.data));
  return redirect(`/me/monitoring/${id}?saved=1`);
}

type ActionData = { fieldErrors?: Record<string, string>; values?: Record<string, string> };

export default function Monitoring() {
  const { title, answers } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const form = useSchemaForm(() => import("#app/domain/diversity/monitoring.schema.js").then((m) => m.MonitoringSchema));
  const errors = form.shown(actionData?.fieldErrors);
  const value = (name: keyof typeof MONITORING_QUESTIONS) => actionData?.values?.[name] ?? answers?.[name] ?? "";
  return (
    <div className="narrow">
      <p>
        <Link to="/me">Your applications</Link>
      </p>
      <h1>Equal opportunities monitoring</h1>
      <p className="lede">Optional. About your application for {title}.</p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          Thank you. We have saved your answers. You can change them below at any time.
        </p>
      ) : null}
      {params.get("deleted") ? (
        <p className="notice" role="status">
          We have deleted your answers.
        </p>
      ) : null}
      <p>
        You do not have to answer these questions, and it makes no difference to your application if you do not. Each one has "Prefer not to
        say".
      </p>
      <p>
        They help us check that we treat everyone fairly. For example, we check that people of one age or background are not less likely to
        get a job. The people who decide on your application never see your answers. We only count them up for groups of 5 people or more.
        So nobody can be picked out.
      </p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        {MONITORING_QUESTION_KEYS.map((name) => (
          <ChoiceGroup
            key={name}
            type="radio"
            name={name}
            label={MONITORING_QUESTIONS[name].label}
            options={MONITORING_QUESTIONS[name].options}
            error={errors[name]}
            defaultValue={value(name)}
          />
        ))}
        <button type="submit" className="button">
          {answers ? "Save my changes" : "Send my answers"}
        </button>
      </Form>
      {answers ? (
        <Form method="post" className="stack">
          <h2>If you would rather we did not keep them</h2>
          <button type="submit" name="intent" value="delete" className="button secondary">
            Delete my answers
          </button>
        </Form>
      ) : null}
      <p>
        <Link to="/me">Skip this and go back to your applications</Link>
      </p>
    </div>
  );
}
