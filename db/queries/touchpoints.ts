import type { Tx } from "../client.js";

/** A touchpoint with its offer, the person, their team and their buddy: what its emails and page need. */
export function findTouchpointContext(trx: Tx, touchpointId: string) {
  return trx
    .selectFrom("touchpoints")
    .innerJoin("offers", "offers.id", "touchpoints.offerId")
    .innerJoin("applications", "applications.id", "offers.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .innerJoin("teams", "teams.id", "offers.teamId")
    .leftJoin("teamMembers as buddy", "buddy.id", "offers.buddyMemberId")
    .select([
      "touchpoints.id",
      "touchpoints.kind",
      "touchpoints.seq",
      "touchpoints.dueAt",
      "touchpoints.sentAt",
      "touchpoints.repliedAt",
      "touchpoints.answer",
      "touchpoints.note",
      "touchpoints.cancelledAt",
      "offers.id as offerId",
      "offers.status as offerStatus",
      "offers.startDate",
      "offers.applicationId",
      "candidates.fullName",
      "candidates.email",
      "teams.name as teamName",
      "buddy.name as buddyName",
      "buddy.email as buddyEmail",
    ])
    .where("touchpoints.id", "=", touchpointId)
    .executeTakeFirst();
}

export function listKitContent(trx: Tx) {
  return trx.selectFrom("kitContent").select(["week", "title", "body"]).orderBy("week").execute();
}

/** Saves the organisation's keep-in-touch words, one row per week (replacing what was there). */
export function saveKitContent(trx: Tx, rows: { week: number; title: string; body: string }[]) {
  return trx
    .insertInto("kitContent")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["orgId", "week"]).doUpdateSet((eb) => ({ title: eb.ref("excluded.title"), body: eb.ref("excluded.body") })),
    )
    .execute();
}

/** An offer's keep-in-touch contacts, in the order they are due. */
export function listTouchpoints(trx: Tx, offerId: string) {
  return trx
    .selectFrom("touchpoints")
    .select(["id", "kind", "seq", "dueAt", "sentAt", "doneAt", "repliedAt", "answer", "note", "cancelledAt"])
    .where("offerId", "=", offerId)
    .orderBy("dueAt")
    .orderBy("kind", "desc")
    .execute();
}

/** The keep-in-touch contacts of several offers (the offers page), in the order they are due. */
export function listTouchpointsForOffers(trx: Tx, offerIds: string[]) {
  if (!offerIds.length) return Promise.resolve([]);
  return trx
    .selectFrom("touchpoints")
    .select(["offerId", "kind", "seq", "dueAt", "sentAt", "doneAt", "repliedAt", "answer", "note", "cancelledAt"])
    .where("offerId", "in", offerIds)
    .orderBy("dueAt")
    .execute();
}

/** Buddy calls that are due and not done, for the buddy (one of their team-member rows), with who to ring. */
export function listBuddyCallsDueFor(trx: Tx, memberIds: string[], now: Date) {
  if (!memberIds.length) return Promise.resolve([]);
  return trx
    .selectFrom("touchpoints")
    .innerJoin("offers", "offers.id", "touchpoints.offerId")
    .innerJoin("applications", "applications.id", "offers.applicationId")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .select(["touchpoints.id", "touchpoints.seq", "touchpoints.dueAt", "offers.applicationId", "candidates.fullName", "candidates.phone"])
    .where("touchpoints.kind", "=", "buddy_call")
    .where("touchpoints.doneAt", "is", null)
    .where("touchpoints.cancelledAt", "is", null)
    .where("touchpoints.dueAt", "<=", now)
    .where("offers.status", "=", "accepted")
    .where("offers.buddyMemberId", "in", memberIds)
    .orderBy("touchpoints.dueAt")
    .execute();
}
