import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { listApplicationsForCandidate } from "#db/queries/applications.js";
import { findOrganisationById } from "#db/queries/organisations.js";
import { CANDIDATE_STAGE_TEXT, isOpen, isStage } from "#app/domain/applications/stages.js";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { requestLinkFor } from "#app/utils/candidate-links.server.js";
import { safeRedirect } from "#app/utils/session.server.js";
import { candidateScope } from "#app/utils/tenant.server.js";
import { EmailLinkSchema, parseForm } from "#app/utils/candidate-forms.server.js";
import { readForm } from "#app/utils/form.server.js";
import { formatLongDate } from "#app/domain/dates.js";

export const meta: MetaFunction = () => [{ title: "Your applications" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await candidateScope(request);
  if (!scope) return { signedIn: false as const };
  const { candidate, scoped } = scope;
  const { org, applications } = await scoped(async (trx) => ({
    org: await findOrganisationById(trx, candidate.orgId),
    applications: await listApplicationsForCandidate(trx, candidate.candidateId),
  }));
  return {
    signedIn: true as const,
    name: candidate.name,
    org,
    applications: applications.map((a) => ({
      ...a,
      text: isStage(a.stage) ? CANDIDATE_STAGE_TEXT[a.stage] : null,
      surveyStarted: Boolean(a.surveyStartedAt),
      surveyCompleted: Boolean(a.surveyCompletedAt),
      surveyOpen: !a.surveyCompletedAt && (a.stage === "applied" || a.stage === "survey"),
      open: isOpen(a.stage),
      // At the offer step before the lead has recorded the offer there is nothing to see yet.
      offerToSee: a.stage === "offer" && a.hasOffer,
      checks: Number(a.checksTotal ?? 0) ? { done: Number(a.checksDone ?? 0), total: Number(a.checksTotal) } : null,
    })),
  };
}

/** Signed out: email a sign-in link (the same answer whether or not we know the email). */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const result = parseForm(formData, EmailLinkSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values, sent: false }, { status: 400 });
  const next = safeRedirect(formData.get("next"), "/me");
  await requestLinkFor(result.data.email, context.clientIp ?? "unknown", next.startsWith("/me") ? next : "/me");
  return { fieldErrors: {}, values: {}, sent: true };
}

export default function Me() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  if (!data.signedIn) {
    if (actionData?.sent) {
      return (
        <div className="narrow">
          <h1>Check your email</h1>
          <p className="lede">If we know that email address, we have sent a sign-in link to it.</p>
          <p>The link works once, for 10 minutes. If it does not arrive, check your junk folder.</p>
        </div>
      );
    }
    const errors = actionData?.fieldErrors ?? {};
    return (
      <div className="narrow">
        <h1>See your applications</h1>
        <p>You do not need a password. We will email you a link that signs you in.</p>
        <Form method="post" noValidate className="stack">
          <ErrorSummary errors={errors} />
          <input type="hidden" name="next" value={params.get("next") ?? "/me"} />
          <TextField
            name="email"
            type="email"
            label="Email address"
            hint="The one you applied with."
            autoComplete="email"
            spellCheck={false}
            error={errors.email}
            defaultValue={typeof actionData?.values?.email === "string" ? actionData.values.email : ""}
          />
          <button type="submit" className="button">
            Email me a sign-in link
          </button>
        </Form>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Hello {data.name}</h1>
      <p className="lede">Your applications with {data.org.name}.</p>
      {params.get("withdrawn") ? (
        <p className="notice" role="status">
          Your application has been withdrawn. We have sent you an email to confirm.
        </p>
      ) : null}
      {data.applications.length === 0 ? <p>You have no applications yet.</p> : null}
      <ul className="list-plain">
        {data.applications.map((a) => (
          <li key={a.id} className="card">
            <h2>{a.title}</h2>
            <ul className="meta" aria-label="About this job">
              <li>Team: {a.teamName}</li>
              <li>{a.town}</li>
              <li>Applied {formatLongDate(a.createdAt)}</li>
            </ul>
            {a.text ? (
              <>
                <p>
                  <strong>Where you are:</strong> {a.text.now}
                </p>
                <p>
                  <strong>What happens next:</strong> {a.text.next}
                </p>
              </>
            ) : null}
            {a.surveyOpen ? (
              <p>
                <Link className="button" to={`/me/survey/${a.id}`}>
                  {a.surveyStarted ? "Carry on with the survey" : "Start the survey"}
                </Link>
              </p>
            ) : a.surveyCompleted ? (
              <p>You have finished the values survey. Thank you.</p>
            ) : null}
            {a.stage === "workshop" ? (
              <p>
                <Link className="button" to={`/me/workshop/${a.id}`}>
                  Book or change your workshop place
                </Link>
              </p>
            ) : null}
            {a.stage === "shadow" || a.stage === "vote" ? (
              <p>
                <Link className="button" to={`/me/shadow/${a.id}`}>
                  Arrange or see your shadow shift
                </Link>
              </p>
            ) : null}
            {a.checks ? (
              <p>
                <strong>Checks before you start:</strong> {a.checks.done} of {a.checks.total} done.
              </p>
            ) : null}
            {a.offerToSee ? (
              <p>
                <Link className="button" to={`/me/offer/${a.id}`}>
                  {a.checks ? "See your offer and what to do before you start" : "See your job offer"}
                </Link>
              </p>
            ) : null}
            {a.open ? (
              <p>
                <Link to={`/me/adjustments/${a.id}`}>Tell us what would make things easier for you</Link>
              </p>
            ) : null}
            <p>
              <Link to={`/me/monitoring/${a.id}`}>Equal opportunities questions (optional)</Link>
            </p>
            {a.open ? (
              <p>
                <Link to={`/me/withdraw/${a.id}`}>Withdraw this application</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/o/${data.org.slug}/jobs`}>See other jobs at {data.org.name}</Link>
      </p>
      <h2>Your data</h2>
      <p>See what we hold about you. You can download it or delete it.</p>
      <ul>
        <li>
          <Link to="/me/data">Download my data</Link>
        </li>
        <li>
          <Link to="/me/delete">Delete my data</Link>
        </li>
      </ul>
    </div>
  );
}
