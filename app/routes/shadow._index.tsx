import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { listHosts, listShifts, listTeamIdsOfUser } from "#db/queries/shadow.js";
import { ErrorSummary } from "#app/components/forms.js";
import { ShiftFields, type ShiftFieldValues } from "#app/components/shadow-shift-fields.js";
import { cancelShiftByStaff } from "#app/domain/shadow/cancel-shift.server.js";
import { offerSlot } from "#app/domain/shadow/offer-slot.server.js";
import { ARRANGE_ANY_TEAM } from "#app/domain/shadow/shadow-access.server.js";
import { ShadowError, shadowErrorStatus } from "#app/domain/shadow/shadow.errors.js";
import { ShiftSchema } from "#app/domain/shadow/shadow.schema.js";
import { formatLondonSlot } from "#app/domain/workshops/london-time.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";
import { AdjustmentsLine } from "#app/components/adjustments.js";

export const meta: MetaFunction = () => [{ title: "Shadow shifts" }];

const STATUS_TEXT = { open: "Open: no candidate yet", proposed: "Waiting for the candidate to accept", confirmed: "Confirmed" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request);
  const everyTeam = ARRANGE_ANY_TEAM.includes(staff.role);
  return scoped(async (trx) => {
    const teamIds = everyTeam ? undefined : await listTeamIdsOfUser(trx, staff.userId);
    const [shifts, hosts] = await Promise.all([listShifts(trx, new Date(Date.now() - 14 * 86_400_000), teamIds), listHosts(trx, teamIds)]);
    const now = Date.now();
    return {
      shifts: shifts.map((s) => ({
        id: s.id,
        when: formatLondonSlot(s.startsAt, s.endsAt),
        teamName: s.teamName,
        hostName: s.hostName,
        candidateName: s.candidateName,
        applicationId: s.applicationId,
        adjustments: s.adjustments ?? [],
        adjustmentsNote: s.adjustmentsNote ?? "",
        status: s.status as keyof typeof STATUS_TEXT,
        meetingPoint: s.meetingPoint,
        started: new Date(s.startsAt).getTime() <= now,
        feedbackGiven: Boolean(s.feedbackAt),
        canGiveFeedback: s.hostUserId === staff.userId || everyTeam,
      })),
      // A team member offers their own time; leads and coaches any host's.
      hosts: hosts.filter((h) => everyTeam || h.userId === staff.userId).map((h) => ({ id: h.id, label: `${h.name} (${h.teamName})` })),
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request);
  const form = await readForm(request);
  const actor = { userId: staff.userId, name: staff.name, role: staff.role };
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent.startsWith("cancel:")) {
      const shiftId = requireUuid(intent.slice(7));
      await run((ctx) => cancelShiftByStaff(ctx, actor, shiftId));
      return redirect("/shadow?cancelled=1");
    }
    const result = parseForm(form, ShiftSchema);
    if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
    await run(({ trx }) => offerSlot(trx, actor, result.data));
    return redirect("/shadow?offered=1");
  } catch (error) {
    if (error instanceof ShadowError) {
      const field =
        error.code === "too_late" ? "date" : error.code === "not_allowed" || error.code === "not_found" ? "hostMemberId" : "form";
      return Response.json(
        { fieldErrors: { [field]: error.message }, values: Object.fromEntries(form) },
        { status: shadowErrorStatus(error) },
      );
    }
    throw error;
  }
}

export default function ShadowShifts() {
  const { shifts, hosts } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: ShiftFieldValues }>();
  const [params] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <h1>Shadow shifts</h1>
      <p className="lede">A shadow shift lets a candidate see the job for themselves, alongside a member of the team they would join.</p>
      {params.get("offered") ? (
        <p className="notice" role="status">
          Your time is offered. Candidates at the shadow shift step can now choose it.
        </p>
      ) : null}
      {params.get("cancelled") ? (
        <p className="notice" role="status">
          The shift is cancelled.
        </p>
      ) : null}
      {shifts.length === 0 ? (
        <p>No shadow shifts planned.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Shadow shifts, soonest first</caption>
            <thead>
              <tr>
                <th scope="col">When (UK time)</th>
                <th scope="col">Host</th>
                <th scope="col">Candidate</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {shifts.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.when}</th>
                  <td>
                    {s.hostName} ({s.teamName})
                  </td>
                  <td>
                    {s.candidateName && s.applicationId ? <Link to={`/pipeline/${s.applicationId}`}>{s.candidateName}</Link> : "None yet"}
                    <AdjustmentsLine adjustments={s.adjustments} note={s.adjustmentsNote} />
                  </td>
                  <td>
                    {s.started && s.status === "confirmed"
                      ? s.feedbackGiven
                        ? "Done: feedback given"
                        : "Done: feedback needed"
                      : STATUS_TEXT[s.status]}
                  </td>
                  <td>
                    {s.started && s.status === "confirmed" && s.canGiveFeedback ? (
                      <Link to={`/shadow/${s.id}/feedback`}>
                        {s.feedbackGiven ? "Change feedback" : "Give feedback"}
                        <span className="visually-hidden"> on {s.candidateName}'s shift</span>
                      </Link>
                    ) : null}
                    {!s.started ? (
                      <Form method="post">
                        <button type="submit" name="intent" value={`cancel:${s.id}`} className="link-button">
                          Cancel<span className="visually-hidden"> the shift on {s.when}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hosts.length ? (
        <section aria-labelledby="offer-title" className="narrow">
          <h2 id="offer-title">Offer a time for a shadow shift</h2>
          <p>Candidates at the shadow shift step for the host's team can choose it. The first to choose it gets it.</p>
          <Form method="post" noValidate className="stack">
            <ErrorSummary errors={errors} />
            <ShiftFields hosts={hosts} errors={errors} values={actionData?.values ?? {}} />
            <button type="submit" name="intent" value="offer" className="button">
              Offer this time
            </button>
          </Form>
        </section>
      ) : (
        <p>You can offer times for shadow shifts once you are a member of a team with a staff sign-in.</p>
      )}
    </>
  );
}
