import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "#app/components/forms.js";
import { listOpenInvitations, listStaff } from "#db/queries/staff.js";
import { StaffError, staffErrorStatus } from "#app/domain/staff/staff.errors.js";
import { ChangeRoleSchema, InviteStaffSchema, ROLE_LABELS } from "#app/domain/staff/staff.schema.js";
import { inviteStaff, resendInvitation, withdrawInvitation } from "#app/domain/staff/invitations.server.js";
import { changeStaffRole, deactivateStaff } from "#app/domain/staff/manage-staff.server.js";
import { readForm } from "#app/utils/form.server.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { formatUk } from "#app/domain/dates.js";

export const meta: MetaFunction = () => [{ title: "Staff accounts" }];

const ADMINS = ["admin" as const];
const DONE: Record<string, string> = {
  invited: "Invitation sent.",
  resent: "Invitation sent again. The earlier link no longer works.",
  withdrawn: "Invitation withdrawn. Its link no longer works.",
  role: "Role changed.",
  deactivated: "Account deactivated. They have been signed out.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request, ADMINS);
  const [people, invitations] = await scoped((trx) => Promise.all([listStaff(trx), listOpenInvitations(trx)]));
  return { me: staff.userId, people, invitations };
}

type ActionData = { fieldErrors: Record<string, string>; values?: Record<string, string | string[]> };

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, ADMINS);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const actor = { userId: staff.userId, name: staff.name };
  try {
    if (intent === "invite") {
      const result = parseForm(form, InviteStaffSchema);
      if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
      await run((ctx) => inviteStaff(ctx, actor, result.data));
      return redirect("/settings/staff?done=invited");
    }
    if (intent === "role") {
      const userId = requireUuid(String(form.get("userId") ?? ""));
      const result = parseForm(form, ChangeRoleSchema);
      if (!result.ok) return Response.json({ fieldErrors: { form: result.fieldErrors.role } }, { status: 400 });
      await run((ctx) => changeStaffRole(ctx, actor, userId, result.data.role));
      return redirect("/settings/staff?done=role");
    }
    if (intent === "deactivate") {
      const userId = requireUuid(String(form.get("userId") ?? ""));
      await run((ctx) => deactivateStaff(ctx, actor, userId));
      return redirect("/settings/staff?done=deactivated");
    }
    if (intent === "resend" || intent === "withdraw") {
      const invitationId = requireUuid(String(form.get("invitationId") ?? ""));
      await run((ctx) => (intent === "resend" ? resendInvitation : withdrawInvitation)(ctx, actor, invitationId));
      return redirect(`/settings/staff?done=${intent === "resend" ? "resent" : "withdrawn"}`);
    }
  } catch (error) {
    if (error instanceof StaffError) {
      if (error.code === "not_found") throw new Response(error.message, { status: 404 });
      return Response.json(
        { fieldErrors: { [error.field]: error.message }, values: Object.fromEntries(form) },
        { status: staffErrorStatus(error) },
      );
    }
    throw error;
  }
  return Response.json({ fieldErrors: { form: "Choose what to do from the page" } }, { status: 400 });
}

const dateText = (d: Date | string) => formatUk(d, { day: "numeric", month: "long" });

export default function StaffSettings() {
  const { me, people, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  const done = DONE[params.get("done") ?? ""];
  return (
    <div className="narrow">
      <h1>Staff accounts</h1>
      {done && !actionData ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <h2>Invite someone</h2>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="invite" />
        <TextField
          name="email"
          type="email"
          label="Their email address"
          spellCheck={false}
          error={errors.email}
          defaultValue={String(actionData?.values?.email ?? "")}
        />
        <SelectField
          name="role"
          label="Role"
          hint="Admins manage staff and settings; recruitment leads run hiring; coaches run workshops; team members vote and host shadow shifts."
          options={ROLE_LABELS}
          error={errors.role}
          defaultValue={String(actionData?.values?.role ?? "member")}
        />
        <button type="submit" className="button">
          Send invitation
        </button>
      </Form>

      <h2>Waiting to accept</h2>
      {invitations.length ? (
        <ul className="stack">
          {invitations.map((i) => (
            <li key={i.id}>
              <p>
                {i.email}, {ROLE_LABELS[i.role].toLowerCase()}, link works until {dateText(i.expiresAt)}
              </p>
              <Form method="post" className="inline-actions">
                <input type="hidden" name="invitationId" value={i.id} />
                <button type="submit" name="intent" value="resend" className="link-button">
                  Send again <span className="visually-hidden">to {i.email}</span>
                </button>{" "}
                <button type="submit" name="intent" value="withdraw" className="link-button">
                  Withdraw <span className="visually-hidden">the invitation to {i.email}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>No invitations are waiting.</p>
      )}

      <h2>Staff</h2>
      <ul className="stack">
        {people.map((p) => (
          <li key={p.id}>
            <p>
              <strong>{p.name}</strong> ({p.email}), {ROLE_LABELS[p.role].toLowerCase()}
              {p.id === me ? " (you)" : ""}
              {p.deactivatedAt ? `, deactivated on ${dateText(p.deactivatedAt)}` : ""}
            </p>
            {p.deactivatedAt ? null : (
              <>
                <Form method="post" className="stack">
                  <input type="hidden" name="userId" value={p.id} />
                  <SelectField name="role" id={`role-${p.id}`} label={`Role for ${p.name}`} options={ROLE_LABELS} defaultValue={p.role} />
                  <button type="submit" name="intent" value="role" className="button secondary">
                    Change role <span className="visually-hidden">for {p.name}</span>
                  </button>
                </Form>
                {p.id === me ? null : (
                  <Form method="post">
                    <input type="hidden" name="userId" value={p.id} />
                    <button type="submit" name="intent" value="deactivate" className="link-button">
                      Deactivate <span className="visually-hidden">{p.name}'s account</span>
                    </button>
                  </Form>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
