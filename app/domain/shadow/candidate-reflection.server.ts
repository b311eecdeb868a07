import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { UseCaseContext } from "../after-commit.js";
import { moveApplication } from "../applications/move-application.server.js";
import { ShadowError } from "./shadow.errors.js";

async function shiftThatHappened(trx: Tx, applicationId: string, candidateId: string) {
  const shift = await trx
    .selectFrom("shadowShifts")
    .innerJoin("applications", "applications.id", "shadowShifts.applicationId")
    .select(["shadowShifts.id", "shadowShifts.startsAt"])
    .where("shadowShifts.applicationId", "=", applicationId)
    .where("applications.candidateId", "=", candidateId)
    .where("shadowShifts.status", "=", "confirmed")
    .orderBy("shadowShifts.startsAt", "desc")
    .executeTakeFirst();
  if (!shift) throw new ShadowError("not_found", "We could not find your shadow shift.");
  if (new Date(shift.startsAt) > new Date()) throw new ShadowError("not_over", "You can tell us how it went once the shift has started.");
  return shift;
}

/** "Is this the job for you?" after the shift: saved (and can be changed) per shift. */
export async function submitReflection(
  trx: Tx,
  args: { applicationId: string; candidateId: string; answer: "yes" | "not_sure" | "no"; note?: string },
) {
  const shift = await shiftThatHappened(trx, args.applicationId, args.candidateId);
  const note = args.note?.trim() ?? "";
  await trx
    .insertInto("shadowReflections")
    .values({ shiftId: shift.id, applicationId: args.applicationId, answer: args.answer, note })
    .onConflict((oc) => oc.column("shiftId").doUpdateSet({ answer: args.answer, note, submittedAt: sql`now()` }))
    .execute();
}

/** The candidate withdraws after the shift: recorded as withdrawn (never declined), with their reason. */
export async function withdrawAfterShadow(
  ctx: UseCaseContext,
  args: { applicationId: string; candidateId: string; name: string; reason?: string },
) {
  const { trx } = ctx;
  const owned = await trx
    .selectFrom("applications")
    .select("stage")
    .where("id", "=", args.applicationId)
    .where("candidateId", "=", args.candidateId)
    .executeTakeFirst();
  if (!owned) throw new ShadowError("not_found", "We could not find that application.");
  // After the shift, also while the team is voting: a candidate can always step back.
  if (owned.stage !== "shadow" && owned.stage !== "vote") {
    throw new ShadowError("not_invited", "This application is not at the shadow shift step.");
  }
  const reason = `Withdrew after the shadow shift: ${args.reason?.trim() || "no reason given"}`;
  return moveApplication(ctx, {
    applicationId: args.applicationId,
    to: "withdrawn",
    expectedStage: owned.stage,
    reason,
    actor: { userId: null, name: args.name },
  });
}
