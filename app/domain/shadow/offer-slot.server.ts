import type { Tx } from "#db/client.js";
import { insertShift } from "#db/queries/shadow.js";
import { checkShift } from "./check-shift.server.js";
import type { StaffActor } from "./shadow-access.server.js";
import type { ShiftInput } from "./shadow.schema.js";

/** A team member (or a lead for them) offers an open slot that a candidate at the shadow step can pick. */
export async function offerSlot(trx: Tx, actor: StaffActor, input: ShiftInput) {
  const { teamId, columns } = await checkShift(trx, actor, input, { teamId: null, ownTimeOnly: true });
  const shiftId = await insertShift(trx, {
    ...columns,
    teamId,
    applicationId: null,
    origin: "offered",
    status: "open",
    createdBy: actor.userId,
  });
  return { shiftId };
}
