import { lockApplicationById } from "#db/queries/applications.js";
import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { addToOutbox, type OutboxRef } from "../email/outbox.server.js";
import { ShadowError } from "./shadow.errors.js";
import { SHADOW_CUTOFF_HOURS } from "./shadow.schema.js";

export type Confirmed = { shiftId: string; sequence: number; startsAt: Date; endsAt: Date; emails: OutboxRef[] };

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

async function confirmedEmails(trx: Tx, applicationId: string, shiftId: string) {
  return [
    await addToOutbox(trx, { kind: "shadow-candidate", applicationId, shiftId, variant: "confirmed" }),
    await addToOutbox(trx, { kind: "shadow-host", applicationId, shiftId, variant: "confirmed" }),
  ];
}

/**
 * A candidate picks an open slot. Race-safe: the slot is taken with one conditional UPDATE
 * (`where status = 'open'`), so of two candidates picking the same slot at once, the second finds
 * it no longer open and is told so; the unique index allows one live shift per application.
 */
export async function pickSlot(trx: Tx, args: { applicationId: string; candidateId: string; slotId: string }): Promise<Confirmed> {
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
    .returning(["id", "sequence", "startsAt", "endsAt"])
    .executeTakeFirst();
  if (!taken) throw new ShadowError("taken", "Someone else has just taken that time. Please choose another.");
  const emails = await confirmedEmails(trx, application.id, taken.id);
  return { shiftId: taken.id, sequence: taken.sequence, startsAt: new Date(taken.startsAt), endsAt: new Date(taken.endsAt), emails };
}

/** The candidate accepts the time staff proposed: it is confirmed, and the host is told. */
export async function acceptShift(trx: Tx, args: { applicationId: string; candidateId: string }): Promise<Confirmed> {
  const application = await invitedApplication(trx, args.applicationId, args.candidateId);
  const accepted = await trx
    .updateTable("shadowShifts")
    .set({ status: "confirmed", confirmedAt: sql`now()` })
    .where("applicationId", "=", application.id)
    .where("status", "=", "proposed")
    .where("startsAt", ">", new Date())
    .returning(["id", "sequence", "startsAt", "endsAt"])
    .executeTakeFirst();
  if (!accepted) throw new ShadowError("not_found", "There is no proposed time to accept. It may have been changed: please look again.");
  const emails = await confirmedEmails(trx, application.id, accepted.id);
  return {
    shiftId: accepted.id,
    sequence: accepted.sequence,
    startsAt: new Date(accepted.startsAt),
    endsAt: new Date(accepted.endsAt),
    emails,
  };
}
