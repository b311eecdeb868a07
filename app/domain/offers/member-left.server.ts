import type { Tx } from "#db/client.js";
import { cancelTouchpoints } from "./keep-in-touch.server.js";
import { OfferError } from "./offer.errors.js";

/**
 * A member leaves the team on a date (not in the future; checked by the form's schema). They stop
 * counting in the team's mix. Someone who joined through an offer gets no more check-ins.
 */
export async function markMemberLeft(trx: Tx, args: { teamId: string; memberId: string; leftOn: string }) {
  const member = await trx
    .selectFrom("teamMembers")
    .select(["id", "joinedOn"])
    .where("id", "=", args.memberId)
    .where("teamId", "=", args.teamId)
    .where("leftOn", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!member) throw new OfferError("not_found", "Choose a current member of this team", "memberId");
  if (args.leftOn < member.joinedOn) throw new OfferError("wrong_status", "The date they left cannot be before they joined", "leftOn");
  await trx.updateTable("teamMembers").set({ leftOn: args.leftOn }).where("id", "=", member.id).execute();
  const offers = await trx.selectFrom("offers").select("id").where("memberId", "=", member.id).execute();
  for (const offer of offers) await cancelTouchpoints(trx, offer.id);
}
