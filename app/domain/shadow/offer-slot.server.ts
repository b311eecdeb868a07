import type { Tx } from "#db/client.js";
import { assertHost, type StaffActor } from "./shadow-access.server.js";
import { shiftTimes } from "./shadow-times.js";
import type { ShiftInput } from "./shadow.schema.js";

/** A team member (or a lead for them) offers an open slot that a candidate at the shadow step can pick. */
export async function offerSlot(trx: Tx, actor: StaffActor, input: ShiftInput) {
  const host = await assertHost(trx, actor, input.hostMemberId, null, true);
  const { startsAt, endsAt } = shiftTimes(input);
  const row = await trx
    .insertInto("shadowShifts")
    .values({
      teamId: host.teamId,
      hostMemberId: host.id,
      origin: "offered",
      status: "open",
      startsAt,
      endsAt,
      meetingPoint: input.meetingPoint,
      visitDetails: input.visitDetails ?? "",
      bringAndWear: input.bringAndWear ?? "",
      createdBy: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { shiftId: row.id };
}
