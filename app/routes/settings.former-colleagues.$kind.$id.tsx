import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, TextArea } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { formatUkDay } from "#app/domain/offers/offer-rules.js";
import { PrivacyError } from "#app/domain/privacy/privacy.errors.js";
import { EraseStaffSchema } from "#app/domain/privacy/privacy.schema.js";
import { eraseStaffPerson, findFormerStaff } from "#app/domain/privacy/staff-data.server.js";
import { readForm } from "#app/utils/form.server.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Erase ${data.person.name}'s data` : "Erase a former colleague's data" },
];

async function formerColleague(request: Request, params: { kind?: string; id?: string }) {
  const id = requireUuid(params.id);
  if (params.kind !== "member" && params.kind !== "account") throw new Response("Not found", { status: 404 });
  const kind = params.kind;
  const scope = await staffScope(request, ["admin"]);
  const person = await scope.scoped((trx) => findFormerStaff(trx, kind, id));
  if (!person) throw new Response("We could not find that former colleague.", { status: 404 });
  return { ...scope, kind, id, person };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { person } = await formerColleague(request, params);
  return { person };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, run, kind, id } = await formerColleague(request, params);
  const result = parseForm(await readForm(request), EraseStaffSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  try {
    await run((ctx) =>
      eraseStaffPerson(ctx, {
        ...(kind === "member" ? { memberId: id } : { userId: id }),
        why: "request",
        reason: result.data.reason,
        actor: { userId: staff.userId, name: staff.name },
      }),
    );
  } catch (error) {
    if (error instanceof PrivacyError && error.code === "still_here") {
      return Response.json({ fieldErrors: { form: error.message }, values: result.data }, { status: 409 });
    }
    throw error;
  }
  return redirect("/settings/former-colleagues?erased=1");
}

type ActionData = { fieldErrors?: Record<string, string>; values?: Record<string, unknown> };

export default function EraseFormerColleague() {
  const { person } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const form = useSchemaForm(EraseStaffSchema);
  const errors: Record<string, string | undefined> = { ...(actionData?.fieldErrors ?? {}), ...form.errors };
  return (
    <div className="narrow">
      <p>
        <Link to="/settings/former-colleagues">Former colleagues' data</Link>
      </p>
      <h1>Erase {person.name}'s data</h1>
      <p className="lede">
        {person.teamName ? `Left ${person.teamName}` : "Staff account deactivated"} on {formatUkDay(person.goneOn)}. Otherwise erased
        automatically on {formatUkDay(person.erasedOn)}.
      </p>
      <ul>
        <li>Their name and email are replaced, everywhere they appear, including the audit log.</li>
        <li>Their own values survey answers, the comments on their votes, their sign-in and their links are deleted.</li>
        <li>Their experience, dates and teams stay, so your team-mix and early-leaver figures do not change.</li>
      </ul>
      <p>
        <a href={`/settings/former-colleagues/${person.kind}/${person.id}.json`} download>
          Download their data first
        </a>
      </p>
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        {errors.form ? <p className="error-message">{errors.form}</p> : null}
        <TextArea
          name="reason"
          label="Why are you erasing their data now?"
          hint="For example: they asked by email on 3 December. This goes on the audit log."
          error={errors.reason}
          defaultValue={typeof actionData?.values?.reason === "string" ? actionData.values.reason : ""}
        />
        <ChoiceGroup
          type="checkbox"
          name="understood"
          label="Confirm"
          options={{ yes: "I understand their data will be erased and this cannot be undone" }}
          error={errors.understood}
        />
        <button type="submit" className="button warning">
          Erase their data
        </button>
      </Form>
    </div>
  );
}
