import type { Tx } from "../client.js";
import { listUsersWithRoles } from "./users.js";

/** The offer and what every page about it shows: the candidate, the team and the buddy. */
function offerDetails(trx: Tx) {
  return trx
    .selectFrom("offers")
    .innerJoin("applications", "applications.id", "offers.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .innerJoin("teams", "teams.id", "offers.teamId")
    .leftJoin("teamMembers as buddy", "buddy.id", "offers.buddyMemberId")
    .selectAll("offers")
    .select([
      "applications.candidateId",
      "applications.stage",
      "applications.experience",
      "applications.adjustments",
      "applications.adjustmentsNote",
      "candidates.fullName",
      "candidates.email",
      "teams.name as teamName",
      "buddy.name as buddyName",
      "buddy.userId as buddyUserId",
    ]);
}

export function findOfferById(trx: Tx, offerId: string) {
  return offerDetails(trx).where("offers.id", "=", offerId).executeTakeFirst();
}

/** The application's latest offer (a live one if there is one). */
export function findLatestOfferForApplication(trx: Tx, applicationId: string) {
  return offerDetails(trx).where("offers.applicationId", "=", applicationId).orderBy("offers.createdAt", "desc").executeTakeFirst();
}

export function lockOffer(trx: Tx, offerId: string) {
  return trx.selectFrom("offers").selectAll().where("id", "=", offerId).forUpdate().executeTakeFirst();
}

export function listChecks(trx: Tx, offerIds: string[]) {
  if (!offerIds.length) return Promise.resolve([]);
  return trx
    .selectFrom("prestartChecks")
    .select(["offerId", "kind", "status", "statusChangedAt", "note", "updatedByName"])
    .where("offerId", "in", offerIds)
    .orderBy("offerId")
    .execute();
}

/** Accepted offers, and the others from the last 90 days, soonest start first. */
export function listOffersForLeads(trx: Tx) {
  return offerDetails(trx)
    .where((eb) =>
      eb.or([
        eb("offers.status", "=", "accepted"),
        eb("offers.status", "=", "offered"),
        eb("offers.createdAt", ">", new Date(Date.now() - 90 * 86_400_000)),
      ]),
    )
    .orderBy("offers.startDate")
    .limit(500)
    .execute();
}

/** Every team's active members, for choosing a buddy: by team name, then name. */
export function listBuddies(trx: Tx) {
  return trx
    .selectFrom("teamMembers")
    .innerJoin("teams", "teams.id", "teamMembers.teamId")
    .select(["teamMembers.id", "teamMembers.name", "teamMembers.teamId", "teams.name as teamName"])
    .where("teamMembers.leftOn", "is", null)
    .orderBy("teams.name")
    .orderBy("teamMembers.name")
    .execute();
}

/** Leads of the organisation, who hear about answers to offers. */
export function listLeads(trx: Tx) {
  return listUsersWithRoles(trx, ["lead"]);
}
