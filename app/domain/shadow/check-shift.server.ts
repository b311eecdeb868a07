import type { Tx } from "#db/client.js";
import { assertHost, type StaffActor } from "./shadow-access.server.js";
import { shiftTimes } from "./shadow-times.js";
import type { ShiftInput } from "./shadow.schema.js";

/**
 * The checks every arranged shift passes, whether a slot is offered, a time proposed or a shift
 * moved: the host (an active member with a staff sign-in, of `teamId` when given, whom the actor
 * may arrange for; only their own time when `ownTimeOnly`) and a time in the future. Gives the
 * host's team and the shift's columns as stored.
 */
export async function checkShift(
  trx: Tx,
  actor: StaffActor,
  input: ShiftInput,
  { teamId, ownTimeOnly }: { teamId: string | null; ownTimeOnly: boolean },
) {
  const host = await assertHost(trx, actor, input.hostMemberId, teamId, ownTimeOnly);
  const { startsAt, endsAt } = shiftTimes(input);
  return {
    teamId: host.teamId,
    columns: {
      hostMemberId: host.id,
      startsAt,
      endsAt,
      meetingPoint: input.meetingPoint,
      visitDetails: input.visitDetails ?? "",
      bringAndWear: input.bringAndWear ?? "",
    },
  };
}
