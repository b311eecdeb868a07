import { redirect } from "@remix-run/node";
import { findLatestOfferForApplication, listChecks } from "#db/queries/offers.js";
import { ApplicationError } from "#app/domain/applications/application.errors.js";
import { changeStartDate } from "#app/domain/offers/change-start-date.server.js";
import { confirmStart, mayConfirmStart } from "#app/domain/offers/confirm-start.server.js";
import { isLiveOffer, isStalled, noShowMayBeRecorded, startDateReached, ukToday } from "#app/domain/offers/offer-rules.js";
import { OfferError, offerErrorStatus } from "#app/domain/offers/offer.errors.js";
import { CheckSchema, OfferSchema, StartDateSchema, WithdrawOfferSchema } from "#app/domain/offers/offer.schema.js";
import { recordNoShow } from "#app/domain/offers/record-no-show.server.js";
import { type OfferChoices, offerChoices, recordOffer } from "#app/domain/offers/record-offer.server.js";
import { updateCheck } from "#app/domain/offers/update-check.server.js";
import { withdrawAfterAcceptance } from "#app/domain/offers/withdraw-offer.server.js";
import { MANAGE_ROLES, type StaffSession } from "#app/utils/session.server.js";
import { staffScope, type Tx } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { listTouchpoints } from "#db/queries/touchpoints.js";
import { markBuddyCallDone, mayMarkBuddyCall } from "#app/domain/offers/buddy-call.server.js";
import { describeTouchpoint } from "#app/domain/offers/touchpoint-status.js";
import { BuddyCallSchema } from "#app/domain/offers/touchpoint.schema.js";
import { requireUuid } from "#app/utils/http-errors.server.js";

/** What the application page's "Offer" section shows: the offer, its checks, and the forms the viewer may use. */
export async function loadOfferSection(
  trx: Tx,
  staff: StaffSession,
  application: { id: string; stage: string; teamId: string; vacancyId: string; vacancyTitle: string },
) {
  const offer = await findLatestOfferForApplication(trx, application.id);
  const canManage = MANAGE_ROLES.includes(staff.role);
  const checks = offer ? await listChecks(trx, [offer.id]) : [];
  const now = new Date();
  // The keep-in-touch plan: every contact, what it is and where it has got to.
  const canMarkCalls = Boolean(offer && mayMarkBuddyCall(staff, offer));
  const plan = (offer ? await listTouchpoints(trx, offer.id) : []).map((t) => ({
    id: t.id,
    due: t.dueAt,
    markable: canMarkCalls && t.kind === "buddy_call" && !t.cancelledAt && new Date(t.dueAt).getTime() <= now.getTime(),
    ...describeTouchpoint(t, now),
  }));
  const today = ukToday(now);
  const live = Boolean(offer && isLiveOffer(offer.status));
  const recording = canManage && application.stage === "offer" && !live;
  const choices: OfferChoices = recording ? await offerChoices(trx, application.vacancyId) : { teams: {}, buddies: {}, hours: "" };
  return {
    offer: offer
      ? {
          id: offer.id,
          status: offer.status,
          roleTitle: offer.roleTitle,
          hours: offer.hours,
          pay: offer.pay,
          startDate: offer.startDate,
          teamName: offer.teamName,
          buddyName: offer.buddyName,
          declineReason: offer.declineReason,
          withdrawalReason: offer.withdrawalReason,
          withdrawalNote: offer.withdrawalNote,
          startedOn: offer.startedOn,
          noShowFlagged: Boolean(offer.noShowFlaggedAt),
        }
      : null,
    checks: checks.map((c) => ({ ...c, stalled: offer?.status === "accepted" && isStalled(c, now) })),
    plan,
    canManage,
    recording,
    defaults: { roleTitle: application.vacancyTitle, hours: choices.hours, teamId: application.teamId },
    teams: choices.teams,
    buddies: choices.buddies,
    today,
    canChangeStartDate: canManage && live,
    canConfirmStart: Boolean(offer?.status === "accepted" && startDateReached(offer.startDate, today) && mayConfirmStart(staff, offer)),
    canRecordNoShow: Boolean(canManage && offer?.status === "accepted" && noShowMayBeRecorded(offer.startDate, today)),
  };
}

export const isOfferIntent = (form: FormData) => String(form.get("intent") ?? "").startsWith("offer-");

const NOTICES = ["recorded", "moved", "check", "withdrawn", "started", "no-show", "call"] as const;
export type OfferNotice = (typeof NOTICES)[number];

/** Every offer action on the application page. Confirming the start is open to the buddy too; the rest to leads and admins. */
export async function offerAction(request: Request, applicationId: string, form: FormData) {
  const intent = String(form.get("intent"));
  // Confirming the start and marking a buddy call are open to the buddy too (the use case checks who).
  const anyStaff = intent === "offer-confirm-start" || intent === "offer-buddy-call";
  const { staff, scoped, run } = await staffScope(request, anyStaff ? undefined : MANAGE_ROLES);
  const actor = { userId: staff.userId, name: staff.name };
  const values = Object.fromEntries([...form].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const fail = (fieldErrors: Record<string, string>, status = 400) => Response.json({ intent, fieldErrors, values }, { status });
  const done = (notice: OfferNotice) => redirect(`/pipeline/${applicationId}?offer=${notice}#offer-title`);
  const offerId = String(form.get("offerId") ?? "");
  try {
    if (intent === "offer-record") {
      const result = parseForm(form, OfferSchema);
      if (!result.ok) return fail(result.fieldErrors);
      await run((ctx) => recordOffer(ctx, { applicationId, input: result.data, actor }));
      return done("recorded");
    }
    if (intent === "offer-start-date") {
      const result = parseForm(form, StartDateSchema);
      if (!result.ok) return fail(result.fieldErrors);
      await run(async (ctx) => {
        const offer = await findLatestOfferForApplication(ctx.trx, applicationId);
        if (!offer) throw new OfferError("not_found", "We could not find that offer.");
        return changeStartDate(ctx, { offerId: offer.id, startDate: result.data.startDate, actor });
      });
      return done("moved");
    }
    if (intent === "offer-check") {
      const result = parseForm(form, CheckSchema);
      if (!result.ok) return fail(result.fieldErrors);
      await scoped(async (trx) => {
        const offer = await findLatestOfferForApplication(trx, applicationId);
        if (!offer || (offerId && offer.id !== offerId)) throw new OfferError("not_found", "We could not find that offer.");
        await updateCheck(trx, { offerId: offer.id, ...result.data, actorName: staff.name });
      });
      return done("check");
    }
    if (intent === "offer-withdraw") {
      const result = parseForm(form, WithdrawOfferSchema);
      if (!result.ok) return fail(result.fieldErrors);
      await run((ctx) =>
        withdrawAfterAcceptance(ctx, { applicationId, reason: result.data.withdrawalReason, note: result.data.note, actor }),
      );
      return done("withdrawn");
    }
    if (intent === "offer-confirm-start") {
      await run((ctx) => confirmStart(ctx, { applicationId, actor: { ...actor, role: staff.role } }));
      return done("started");
    }
    if (intent === "offer-buddy-call") {
      const result = parseForm(form, BuddyCallSchema);
      if (!result.ok) return fail(result.fieldErrors);
      const touchpointId = requireUuid(result.data.touchpointId);
      await run((ctx) =>
        markBuddyCallDone(ctx, { applicationId, touchpointId, note: result.data.note, actor: { ...actor, role: staff.role } }),
      );
      return done("call");
    }
    if (intent === "offer-no-show") {
      await run((ctx) => recordNoShow(ctx, { applicationId, actor }));
      return done("no-show");
    }
    return fail({ form: "Something went wrong. Please try again." });
  } catch (error) {
    if (error instanceof OfferError) return fail({ [error.field]: error.message }, offerErrorStatus(error));
    if (error instanceof ApplicationError && error.code !== "not_found") return fail({ form: error.message }, 409);
    throw error;
  }
}
