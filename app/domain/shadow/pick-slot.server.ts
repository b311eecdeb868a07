import { lockApplicationById } from "#db/queries/applications.js";
import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { scheduleShadowReminders } from "./shadow-reminders.server.js";
import { ShadowError } from "./shadow.errors.js";
import { SHADOW_CUTOFF_HOURS } from "./shadow.schema.js";

export type Confirmed = { shiftId: string; sequence: number; startsAt: Date; endsAt: Date };

async function invitedApplication(trx: Tx, applicationId: string, candidateId: string) {
  const application = await trx
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancyId")
    .select(["applications.id", "applications.stage", "vacancies.teamId"])
    .where("applications.id", "=", applicationId)
    .where("applications.candidateId", "=", candidateId)
    .executeTakeFirst();
  if (!application) throw new ShadowError("not_found", "We could not find that application.");
  if (application.stage !== "shadow") throw new ShadowError("not_invited", "This application is not at the shadow shift step.");
  return application;
}

const cutoff = () => new Date(Date.now() + SHADOW_CUTOFF_HOURS * 3_600_000);

/** A shift is confirmed: both sides are emailed, and its reminders are planned. */
async function confirmed(
  ctx: UseCaseContext,
  applicationId: string,
  shift: { id: string; orgId: string; sequence: number; startsAt: Date; endsAt: Date },
): Promise<Confirmed> {
  const shiftId = shift.id;
  await sendAfterCommit(ctx, { kind: "shadow-candidate", applicationId, shiftId, variant: "confirmed" });
  await sendAfterCommit(ctx, { kind: "shadow-host", applicationId, shiftId, variant: "confirmed" });
  const result = { shiftId, sequence: shift.sequence, startsAt: new Date(shift.startsAt), endsAt: new Date(shift.endsAt) };
  scheduleShadowReminders(ctx, shift.orgId, result);
  return result;
}

/**
 * A candidate picks an open slot. Race-safe: the slot is taken with one conditional UPDATE
 * (`where status = 'open'`), so of two candidates picking the same slot at once, the second finds
 * it no longer open and is told so; the unique index allows one live shift per application.
 */
export async function pickSlot(
  ctx: UseCaseContext,
  args: { applicationId: string; candidateId: string; slotId: string },
): Promise<Confirmed> {
  const { trx } = ctx;
  const application = await invitedApplication(trx, args.applicationId, args.candidateId);
  // Two picks by the same candidate (two tabs), or a pick while staff propose a time, queue here.
  await lockApplicationById(trx, application.id);
  const live = await trx
    .selectFrom("shadowShifts")
    .select("id")
    .where("applicationId", "=", application.id)
    .where("status", "in", ["proposed", "confirmed"])
    .executeTakeFirst();
  if (live) throw new ShadowError("already_arranged", "You already have a shadow shift. Cancel it first to choose another time.");
  const taken = await trx
    .updateTable("shadowShifts")
    .set({ status: "confirmed", applicationId: application.id, confirmedAt: sql`now()` })
    .where("id", "=", args.slotId)
    .where("status", "=", "open")
    .where("teamId", "=", application.teamId)
    .where("startsAt", ">", cutoff())
    .returning(["id", "orgId", "sequence", "startsAt", "endsAt"])
    .executeTakeFirst();
  if (!taken) throw new ShadowError("taken", "Someone else has just taken that time. Please choose another.");
  return confirmed(ctx, application.id, taken);
}

/** The candidate accepts the time staff proposed: it is confirmed, and the host is told. */
export async function acceptShift(ctx: UseCaseContext, args: { applicationId: string; candidateId: string }): Promise<Confirmed> {
  const { trx } = ctx;
  const application = await invitedApplication(trx, args.applicationId, args.candidateId);
  const accepted = await trx
    .updateTable("shadowShifts")
    .set({ status: "confirmed", confirmedAt: sql`now()` })
    .where("applicationId", "=", application.id)
    .where("status", "=", "proposed")
    .where("startsAt", ">", new Date())
    .returning(["id", "orgId", "sequence", "startsAt", "endsAt"])
    .executeTakeFirst();
  if (!accepted) throw new ShadowError("not_found", "There is no proposed time to accept. It may have been changed: please look again.");
  return confirmed(ctx, application.id, accepted);
}
