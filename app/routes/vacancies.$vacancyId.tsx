import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "#app/components/forms.js";
import { VacancyDetails } from "#app/components/vacancy-details.js";
import { VacancyForm } from "#app/components/vacancy-form.js";
import { londonDay } from "#app/domain/london-day.js";
import { changeVacancyStatus } from "#app/domain/vacancies/change-vacancy-status.server.js";
import { updateVacancy } from "#app/domain/vacancies/save-vacancy.server.js";
import { VacancyError } from "#app/domain/vacancies/vacancy.errors.js";
import { VacancySchema } from "#app/domain/vacancies/vacancy.schema.js";
import { readForm } from "#app/utils/form.server.js";
import { fieldErrorResponse, requireUuid } from "#app/utils/http-errors.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { listAuditEntries } from "#db/queries/audit.js";
import { findOrganisationById } from "#db/queries/organisations.js";
import { listActiveTeams } from "#db/queries/teams.js";
import { findVacancyById } from "#db/queries/vacancies.js";
import { formatDateTime } from "#app/domain/dates.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.vacancy.title}: vacancy` : "Vacancy" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request, MANAGE_ROLES);
  const id = requireUuid(params.vacancyId);
  const found = await scoped(async (trx) => {
    const vacancy = await findVacancyById(trx, id);
    if (!vacancy) return null;
    const [teams, history, org] = await Promise.all([
      listActiveTeams(trx),
      listAuditEntries(trx, { kind: "vacancy", subjectId: id }, { limit: 100 }),
      findOrganisationById(trx, staff.orgId),
    ]);
    return { vacancy, teams, history, slug: org?.slug ?? "" };
  });
  if (!found) throw new Response("We could not find that vacancy.", { status: 404 });
  const { vacancy } = found;
  const pounds = (p: number | null) => (p ? (p / 100).toFixed(2) : "");
  return {
    ...found,
    today: londonDay(),
    values: {
      title: vacancy.title,
      teamId: vacancy.teamId,
      town: vacancy.town,
      postcode: vacancy.postcode ?? "",
      hours: vacancy.hours,
      payFrom: pounds(vacancy.payMinPence),
      payTo: vacancy.payMaxPence !== vacancy.payMinPence ? pounds(vacancy.payMaxPence) : "",
      contractType: vacancy.contractType ?? "",
      closesOn: vacancy.closesOn ?? "",
      summary: vacancy.summary,
      description: vacancy.description,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const vacancyId = requireUuid(params.vacancyId);
  const actor = { userId: staff.userId, name: staff.name };
  const form = await readForm(request);
  const intent = form.get("intent");
  try {
    if (intent === "publish" || intent === "close" || intent === "reopen") {
      await run((ctx) => changeVacancyStatus(ctx, { vacancyId, change: intent, actor }));
      return redirect(`/vacancies/${vacancyId}?saved=${intent}`);
    }
    if (intent !== "save") return Response.json({ fieldErrors: { status: "Choose what to do" }, values: {} }, { status: 400 });
    const result = parseForm(form, VacancySchema);
    if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
    await run((ctx) => updateVacancy(ctx, { ...result.data, vacancyId, actor }));
    return redirect(`/vacancies/${vacancyId}?saved=edit`);
  } catch (error) {
    if (error instanceof VacancyError && error.field === "form" && error.code !== "not_found")
      return Response.json({ fieldErrors: { status: error.message }, values: {} }, { status: 409 });
    return fieldErrorResponse(error, Object.fromEntries(form), [VacancyError]);
  }
}

const SAVED: Record<string, string> = {
  draft: "Draft saved. Check the preview below, then publish it.",
  edit: "Changes saved.",
  publish: "Published. It is on your careers page now.",
  close: "Closed. It takes no new applications; people who applied carry on.",
  reopen: "Reopened. It is on your careers page again.",
};
const STATUS_TEXT = {
  draft: "Draft: only staff can see it",
  open: "Open: on the careers page",
  closed: "Closed: takes no new applications",
} as const;

export default function VacancyStaffPage() {
  const { vacancy, teams, history, slug, values, today } = useLoaderData<typeof loader>();
  const data = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const saved = SAVED[params.get("saved") ?? ""];
  const errors = data?.fieldErrors ?? {};
  const editing = data && !errors.status;
  return (
    <div className="narrow">
      <p>
        <Link to="/vacancies">All vacancies</Link>
      </p>
      <h1>{vacancy.title}</h1>
      {saved ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">Status</h2>
        {errors.status ? <ErrorSummary errors={{ status: errors.status }} /> : null}
        <p id="status">
          <span className={vacancy.status === "open" ? "tag" : "tag alert"}>{STATUS_TEXT[vacancy.status]}</span>
          {vacancy.status === "open" ? (
            <>
              {" "}
              <Link to={`/o/${slug}/jobs/${vacancy.id}`}>See it on the careers page</Link>
            </>
          ) : null}
        </p>
        <Form method="post">
          {vacancy.status === "draft" ? (
            <button type="submit" name="intent" value="publish" className="button">
              Publish
            </button>
          ) : vacancy.status === "open" ? (
            <button type="submit" name="intent" value="close" className="button secondary">
              Close it now
            </button>
          ) : (
            <button type="submit" name="intent" value="reopen" className="button secondary">
              Reopen
            </button>
          )}
        </Form>
      </section>

      <section className="card" aria-labelledby="preview-title">
        <h2 id="preview-title">Preview: what candidates see</h2>
        <VacancyDetails vacancy={vacancy} headingLevel={2} />
      </section>

      <section aria-labelledby="edit-title">
        <h2 id="edit-title">Edit</h2>
        <VacancyForm
          teams={teams}
          values={editing ? data.values : values}
          errors={editing ? errors : {}}
          submitLabel="Save the changes"
          today={today}
        />
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <ul>
          {history.map((h) => (
            <li key={h.id}>
              {formatDateTime(h.createdAt)}: {h.summary} ({h.actorName})
              {h.before && h.after && h.action === "vacancy.edit" ? <> changed: {Object.keys(h.after).join(", ")}</> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
