import { sql } from "kysely";
import { lockShift } from "#db/queries/shadow.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { cancelShadowReminders } from "./shadow-reminders.server.js";
import type { ShiftChange } from "./propose-shift.server.js";
import { canArrangeForTeam, type StaffActor } from "./shadow-access.server.js";
import { ShadowError } from "./shadow.errors.js";

/** Staff cancel a shift (an open slot, or one arranged with a candidate, who is emailed). */
export async function cancelShiftByStaff(ctx: UseCaseContext, actor: StaffActor, shiftId: string): Promise<ShiftChange> {
  const { trx } = ctx;
  const shift = await lockShift(trx, shiftId);
  if (!shift || shift.status === "cancelled" || !(await canArrangeForTeam(trx, actor, shift.teamId))) {
    throw new ShadowError("not_found", "We could not find that shadow shift.");
  }
  // A shift that has happened is part of the candidate's record (its feedback feeds the vote).
  if (shift.applicationId && new Date(shift.startsAt) <= new Date()) {
    throw new ShadowError("not_over", "This shift has already started, so it can no longer be cancelled.");
  }
  await trx
    .updateTable("shadowShifts")
    .set({ status: "cancelled", cancelledAt: sql`now()`, sequence: sql`sequence + 1` })
    .where("id", "=", shiftId)
    .execute();
  if (shift.applicationId) {
    await sendAfterCommit(ctx, { kind: "shadow-candidate", applicationId: shift.applicationId, shiftId, variant: "cancelled" });
  }
  cancelShadowReminders(ctx, shiftId, shift.sequence);
  return { shiftId, previousSequence: shift.sequence };
}

/**
 * The candidate cancels their shift: a slot a team member offered goes back to open for someone
 * else; a time staff proposed is cancelled. The host is emailed either way.
 */
export async function cancelShiftByCandidate(ctx: UseCaseContext, applicationId: string, candidateId: string): Promise<ShiftChange> {
  const { trx } = ctx;
  const owned = await trx
    .selectFrom("applications")
    .select("id")
    .where("id", "=", applicationId)
    .where("candidateId", "=", candidateId)
    .executeTakeFirst();
  if (!owned) throw new ShadowError("not_found", "We could not find that application.");
  const live = await trx
    .selectFrom("shadowShifts")
    .select("id")
    .where("applicationId", "=", applicationId)
    .where("status", "in", ["proposed", "confirmed"])
    .executeTakeFirst();
  const shift = live ? await lockShift(trx, live.id) : undefined;
  if (!shift || shift.applicationId !== applicationId || (shift.status !== "proposed" && shift.status !== "confirmed")) {
    throw new ShadowError("not_found", "You do not have a shadow shift arranged.");
  }
  if (new Date(shift.endsAt) <= new Date()) throw new ShadowError("too_late", "This shadow shift has already happened.");
  const reopen = shift.origin === "offered" && new Date(shift.startsAt) > new Date();
  await trx
    .updateTable("shadowShifts")
    .set(
      reopen
        ? { status: "open", applicationId: null, confirmedAt: null, sequence: sql`sequence + 1` }
        : { status: "cancelled", cancelledAt: sql`now()`, sequence: sql`sequence + 1` },
    )
    .where("id", "=", shift.id)
    .execute();
  await sendAfterCommit(ctx, { kind: "shadow-host", applicationId, shiftId: shift.id, variant: "cancelled" });
  cancelShadowReminders(ctx, shift.id, shift.sequence);
  return { shiftId: shift.id, previousSequence: shift.sequence };
}
