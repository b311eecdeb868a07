import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { findShadowApplication, insertShift, lockShift } from "#db/queries/shadow.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { cancelShadowReminders } from "./shadow-reminders.server.js";
import { checkShift } from "./check-shift.server.js";
import { canArrangeForTeam, type StaffActor } from "./shadow-access.server.js";
import { ShadowError } from "./shadow.errors.js";
import type { ShiftInput } from "./shadow.schema.js";

async function applicationAtShadow(trx: Tx, actor: StaffActor, applicationId: string) {
  const application = await findShadowApplication(trx, applicationId);
  if (!application || !(await canArrangeForTeam(trx, actor, application.teamId))) {
    throw new ShadowError("not_found", "We could not find that application.");
  }
  if (application.stage !== "shadow") throw new ShadowError("not_invited", "This application is not at the shadow shift step.");
  return application;
}

/** Staff propose a time for one application; the candidate accepts it (and is emailed). */
export async function proposeShift(ctx: UseCaseContext, actor: StaffActor, applicationId: string, input: ShiftInput) {
  const { trx } = ctx;
  const application = await applicationAtShadow(trx, actor, applicationId);
  const { columns } = await checkShift(trx, actor, input, { teamId: application.teamId, ownTimeOnly: false });
  // Lock the application so two people proposing at once cannot both get past the check.
  await trx.selectFrom("applications").select("id").where("id", "=", applicationId).forUpdate().execute();
  const live = await trx
    .selectFrom("shadowShifts")
    .select("id")
    .where("applicationId", "=", applicationId)
    .where("status", "in", ["proposed", "confirmed"])
    .executeTakeFirst();
  if (live) throw new ShadowError("already_arranged", "This candidate already has a shadow shift. Move or cancel it instead.");
  const shiftId = await insertShift(trx, {
    ...columns,
    teamId: application.teamId,
    applicationId,
    origin: "proposed",
    status: "proposed",
    createdBy: actor.userId,
  });
  await sendAfterCommit(ctx, { kind: "shadow-candidate", applicationId, shiftId, variant: "proposed" });
  return { shiftId };
}

export type ShiftChange = { shiftId: string; previousSequence: number };

/**
 * Staff move a shift to another time (or host, or place). A shift with a candidate goes back to
 * "proposed" for them to accept; the sequence is bumped, so the old time's reminders are skipped.
 */
export async function moveShift(ctx: UseCaseContext, actor: StaffActor, shiftId: string, input: ShiftInput): Promise<ShiftChange> {
  const { trx } = ctx;
  const shift = await lockShift(trx, shiftId);
  if (!shift || shift.status === "cancelled" || !(await canArrangeForTeam(trx, actor, shift.teamId))) {
    throw new ShadowError("not_found", "We could not find that shadow shift.");
  }
  const { columns } = await checkShift(trx, actor, input, { teamId: shift.teamId, ownTimeOnly: shift.status === "open" });
  await trx
    .updateTable("shadowShifts")
    .set({
      ...columns,
      status: shift.applicationId ? "proposed" : "open",
      confirmedAt: null,
      sequence: sql`sequence + 1`,
    })
    .where("id", "=", shiftId)
    .execute();
  if (shift.applicationId) {
    await sendAfterCommit(ctx, { kind: "shadow-candidate", applicationId: shift.applicationId, shiftId, variant: "moved" });
  }
  cancelShadowReminders(ctx, shiftId, shift.sequence);
  return { shiftId, previousSequence: shift.sequence };
}
