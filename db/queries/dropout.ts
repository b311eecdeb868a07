import { sql } from "kysely";
import type { Tx } from "../client.js";

/** Every accepted offer with what happened next (for the drop-out and early-leaver rates). */
export function listAcceptedOfferOutcomes(trx: Tx) {
  return trx
    .selectFrom("offers")
    .leftJoin("teamMembers", "teamMembers.id", "offers.memberId")
    .select(["offers.acceptedAt", "offers.status", "offers.noShowFlaggedAt", "offers.startedOn", "teamMembers.leftOn"])
    .where("offers.acceptedAt", "is not", null)
    .$narrowType<{ acceptedAt: Date }>()
    .execute();
}

/** Offers someone may drop out of: accepted and waiting to start, or started in the last 90 days. */
export function listOffersAtRisk(trx: Tx) {
  return trx
    .selectFrom("offers")
    .innerJoin("applications", "applications.id", "offers.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .innerJoin("teams", "teams.id", "offers.teamId")
    .select([
      "offers.id",
      "offers.applicationId",
      "offers.status",
      "offers.acceptedAt",
      "offers.startDate",
      "offers.startedOn",
      "offers.noShowFlaggedAt",
      "candidates.fullName",
      "teams.name as teamName",
    ])
    .where((eb) =>
      eb.or([
        eb("offers.status", "=", "accepted"),
        eb.and([eb("offers.status", "=", "started"), eb("offers.startedOn", ">", sql<string>`current_date - 90`)]),
      ]),
    )
    .orderBy("offers.startDate")
    .execute();
}

export function listTouchpointsForOffers(trx: Tx, offerIds: string[]) {
  if (!offerIds.length) return Promise.resolve([]);
  return trx
    .selectFrom("touchpoints")
    .select(["offerId", "kind", "seq", "sentAt", "repliedAt", "answer", "note"])
    .where("offerId", "in", offerIds)
    .where("sentAt", "is not", null)
    .orderBy("seq")
    .execute();
}
