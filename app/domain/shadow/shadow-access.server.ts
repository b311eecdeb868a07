import type { Tx } from "#db/client.js";
import type { StaffRole } from "#db/schema.js";
import { ShadowError } from "./shadow.errors.js";

export type StaffActor = { userId: string; name: string; role: StaffRole };

/** Leads, coaches and admins arrange shifts for any team; a team member for their own team. */
export const ARRANGE_ANY_TEAM: StaffRole[] = ["lead", "coach", "admin"];

export async function isActiveMember(trx: Tx, userId: string, teamId: string) {
  const row = await trx
    .selectFrom("teamMembers")
    .select("id")
    .where("userId", "=", userId)
    .where("teamId", "=", teamId)
    .where("leftOn", "is", null)
    .executeTakeFirst();
  return Boolean(row);
}

export async function canArrangeForTeam(trx: Tx, actor: StaffActor, teamId: string) {
  return ARRANGE_ANY_TEAM.includes(actor.role) || (await isActiveMember(trx, actor.userId, teamId));
}

/**
 * The host must be an active member of `teamId` with a staff sign-in. A team member arranging an
 * open slot offers their own time; leads and coaches may offer any member's.
 */
export async function assertHost(trx: Tx, actor: StaffActor, hostMemberId: string, teamId: string | null, ownTimeOnly: boolean) {
  const host = await trx
    .selectFrom("teamMembers")
    .select(["id", "teamId", "userId", "name"])
    .where("id", "=", hostMemberId)
    .where("leftOn", "is", null)
    .where("userId", "is not", null)
    .executeTakeFirst();
  if (!host || (teamId && host.teamId !== teamId)) {
    throw new ShadowError("not_found", "Choose a host from the team's members.");
  }
  if (ownTimeOnly && !ARRANGE_ANY_TEAM.includes(actor.role) && host.userId !== actor.userId) {
    throw new ShadowError("not_allowed", "You can only offer your own time.");
  }
  if (!(await canArrangeForTeam(trx, actor, host.teamId))) {
    throw new ShadowError("not_allowed", "You can only arrange shadow shifts for your own team.");
  }
  return host;
}
