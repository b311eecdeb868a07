import { requireUuid } from "#app/utils/http-errors.server.js";
import { redirect } from "@remix-run/node";
import { findLatestShiftForApplication, listHosts } from "#db/queries/shadow.js";
import { cancelShiftByStaff } from "#app/domain/shadow/cancel-shift.server.js";
import { moveShift, proposeShift } from "#app/domain/shadow/propose-shift.server.js";
import { ARRANGE_ANY_TEAM, canArrangeForTeam, type StaffActor } from "#app/domain/shadow/shadow-access.server.js";
import { findShadowSummary } from "#app/domain/shadow/shadow-summary.server.js";
import { ShadowError, shadowErrorStatus } from "#app/domain/shadow/shadow.errors.js";
import { ShiftSchema } from "#app/domain/shadow/shadow.schema.js";
import type { StaffSession } from "#app/utils/session.server.js";
import { staffScope, type Tx } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";

const actorOf = (staff: StaffSession): StaffActor => ({ userId: staff.userId, name: staff.name, role: staff.role });

/** What the application page's "Shadow shift" section shows: the summary, and the live shift and hosts for arranging. */
export async function loadShadowSection(trx: Tx, staff: StaffSession, application: { id: string; teamId: string; stage: string }) {
  const [summary, live, canArrange] = await Promise.all([
    findShadowSummary(trx, application.id),
    findLatestShiftForApplication(trx, application.id),
    canArrangeForTeam(trx, actorOf(staff), application.teamId),
  ]);
  const hosts = canArrange ? await listHosts(trx, [application.teamId]) : [];
  const happened = live?.status === "confirmed" && new Date(live.startsAt).getTime() <= Date.now();
  return {
    summary,
    canArrange: canArrange && application.stage === "shadow",
    // The host, or a lead or coach recording it for them.
    feedbackUrl:
      happened && (live.hostUserId === staff.userId || ARRANGE_ANY_TEAM.includes(staff.role)) ? `/shadow/${live.id}/feedback` : null,
    live:
      live && new Date(live.startsAt).getTime() > Date.now()
        ? {
            id: live.id,
            status: live.status,
            hostMemberId: live.hostMemberId,
            startsAt: live.startsAt,
            endsAt: live.endsAt,
            meetingPoint: live.meetingPoint,
            visitDetails: live.visitDetails,
            bringAndWear: live.bringAndWear,
          }
        : null,
    hosts: hosts.map((h) => ({ id: h.id, label: h.name })),
  };
}

export const isShadowIntent = (form: FormData) => String(form.get("intent") ?? "").startsWith("shadow-");

/** Propose, move or cancel a shadow shift from the application page (leads, coaches, and the team's members). */
export async function shadowAction(request: Request, applicationId: string, form: FormData) {
  const { staff, run } = await staffScope(request);
  const actor = actorOf(staff);
  const intent = String(form.get("intent"));
  const shiftId = intent === "shadow-propose" ? "" : requireUuid(String(form.get("shiftId") ?? ""));
  try {
    if (intent === "shadow-cancel") {
      await run((ctx) => cancelShiftByStaff(ctx, actor, shiftId));
      return redirect(`/pipeline/${applicationId}?shadow=cancelled`);
    }
    const result = parseForm(form, ShiftSchema);
    if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
    if (intent === "shadow-move") {
      await run((ctx) => moveShift(ctx, actor, shiftId, result.data));
      return redirect(`/pipeline/${applicationId}?shadow=moved`);
    }
    await run((ctx) => proposeShift(ctx, actor, applicationId, result.data));
    return redirect(`/pipeline/${applicationId}?shadow=proposed`);
  } catch (error) {
    if (error instanceof ShadowError) {
      const field = error.code === "too_late" ? "date" : error.code === "not_found" && intent !== "shadow-cancel" ? "hostMemberId" : "form";
      return Response.json(
        { fieldErrors: { [field]: error.message }, values: Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) },
        { status: shadowErrorStatus(error) },
      );
    }
    throw error;
  }
}
