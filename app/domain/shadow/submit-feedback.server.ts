import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { findShift } from "#db/queries/shadow.js";
import { ARRANGE_ANY_TEAM, type StaffActor } from "./shadow-access.server.js";
import { ShadowError } from "./shadow.errors.js";
import type { FeedbackInput } from "./shadow.schema.js";

/** Who may give feedback on a shift: the host (their own sign-in), or a lead or coach recording it for them. */
export async function findShiftForFeedback(trx: Tx, actor: StaffActor, shiftId: string) {
  const shift = await findShift(trx, shiftId);
  if (!shift?.applicationId || shift.status !== "confirmed") throw new ShadowError("not_found", "We could not find that shadow shift.");
  if (shift.hostUserId !== actor.userId && !ARRANGE_ANY_TEAM.includes(actor.role)) {
    throw new ShadowError("not_allowed", "Only the host, a lead or a coach can give feedback on this shift.");
  }
  return { ...shift, applicationId: shift.applicationId };
}

/**
 * Records (or corrects) the host's feedback after the shift. Does not move the application: the
 * team vote hooks in here, with the returned application id.
 */
export async function submitShadowFeedback(trx: Tx, actor: StaffActor, shiftId: string, input: FeedbackInput) {
  const shift = await findShiftForFeedback(trx, actor, shiftId);
  if (new Date(shift.startsAt) > new Date()) throw new ShadowError("not_over", "You can give feedback once the shift has started.");
  const authorName = shift.hostUserId === actor.userId ? actor.name : `${shift.hostName} (recorded by ${actor.name})`;
  const values = {
    authorUserId: actor.userId,
    authorName,
    values: JSON.stringify(input.values),
    concerns: input.concerns,
    recommendation: input.recommendation,
    supportedComment: input.supportedComment,
    supportedBy: input.supportedComment ? input.supportedBy : null,
  };
  await trx
    .insertInto("shadowFeedback")
    .values({ shiftId, applicationId: shift.applicationId, ...values })
    .onConflict((oc) => oc.column("shiftId").doUpdateSet({ ...values, submittedAt: sql`now()` }))
    .execute();
  return { applicationId: shift.applicationId };
}
