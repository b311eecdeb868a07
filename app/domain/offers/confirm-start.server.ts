import type { StaffRole } from "#db/schema.js";
import { findLatestOfferForApplication, lockOffer } from "#db/queries/offers.js";
import type { UseCaseContext } from "../after-commit.js";
import { moveApplication } from "../applications/move-application.server.js";
import { syncTouchpoints } from "./keep-in-touch.server.js";
import { OfferError } from "./offer.errors.js";
import { formatUkDay, startDateReached, ukToday } from "./offer-rules.js";

export const CONFIRM_START_ROLES: StaffRole[] = ["lead", "admin"];

/** Who may confirm the start: a lead (or admin), or the buddy signed in as that team's member. */
export const mayConfirmStart = (actor: { userId: string; role: StaffRole }, offer: { buddyUserId: string | null }) =>
  CONFIRM_START_ROLES.includes(actor.role) || (offer.buddyUserId !== null && offer.buddyUserId === actor.userId);

/**
 * The first day: on or after the start date, the person becomes an active member of the team
 * (experienced or new to care, from their application), the offer is started, the application
 * moves to "started", and the day 7/30/90 check-ins are planned.
 */
export async function confirmStart(
  ctx: UseCaseContext,
  args: { applicationId: string; actor: { userId: string; name: string; role: StaffRole }; today?: string },
): Promise<{ memberId: string }> {
  const { trx } = ctx;
  const found = await findLatestOfferForApplication(trx, args.applicationId);
  if (!found) throw new OfferError("not_found", "We could not find that offer.");
  if (!mayConfirmStart(args.actor, found)) throw new OfferError("not_allowed", "Only a lead or their buddy can confirm the start.");
  const offer = await lockOffer(trx, found.id);
  if (!offer) throw new OfferError("not_found", "We could not find that offer.");
  if (offer.status !== "accepted") throw new OfferError("wrong_status", "Only an accepted offer can start.");
  const today = args.today ?? ukToday();
  if (!startDateReached(offer.startDate, today))
    throw new OfferError("too_early", `The start can be confirmed on or after ${formatUkDay(offer.startDate)}.`);
  const member = await trx
    .insertInto("teamMembers")
    .values({
      teamId: found.teamId,
      userId: null,
      name: found.fullName,
      email: found.email,
      experience: found.experience,
      joinedOn: today,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.updateTable("offers").set({ status: "started", startedOn: today, memberId: member.id }).where("id", "=", offer.id).execute();
  await moveApplication(ctx, {
    applicationId: args.applicationId,
    to: "started",
    step: "confirm-start",
    expectedStage: "offer",
    reason: `Started in the ${found.teamName} team`,
    actor: { userId: args.actor.userId, name: args.actor.name },
  });
  await syncTouchpoints(ctx, offer.id);
  return { memberId: member.id };
}
