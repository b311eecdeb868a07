import type { Tx } from "#db/client.js";
import { listOffersAtRisk, listTouchpointsForOffers } from "#db/queries/dropout.js";
import { listChecks } from "#db/queries/offers.js";
import { isStalled } from "./offer-rules.js";
import { londonDay } from "../london-day.js";

/** A start this long after acceptance gives people time to change their mind. */
export const LONG_WAIT_DAYS = 28;
/** A keep-in-touch email counts as unanswered only once they have had this long to reply. */
export const REPLY_WAIT_DAYS = 3;

const CHECK_NAMES = { references: "References", dbs: "DBS check", right_to_work: "Right-to-work check" } as const;

/**
 * The signs that someone may drop out after an offer, for the lead's list (each flag says why):
 * - no reply to the last two keep-in-touch emails in a row, among those sent at least 3 days ago
 *   (a fresh email has not had time for a reply);
 * - a start date more than four weeks after they accepted, while they have not started yet;
 * - a pre-start check pending or with a problem, unchanged for more than 10 days (`isStalled`);
 * - a worried answer to a wellbeing check-in;
 * - the no-show detector's flag.
 * Only people waiting to start, or in their first 90 days, are listed; people with no flag are left out.
 */
export async function listRiskFlags(trx: Tx, now = new Date()) {
  const offers = await listOffersAtRisk(trx);
  const ids = offers.map((o) => o.id);
  const [touchpoints, checks] = await Promise.all([listTouchpointsForOffers(trx, ids), listChecks(trx, ids)]);
  return offers
    .map((offer) => {
      const flags: string[] = [];
      const replyDue = now.getTime() - REPLY_WAIT_DAYS * 86_400_000;
      const kits = touchpoints.filter(
        (t) => t.offerId === offer.id && t.kind === "kit" && t.sentAt && new Date(t.sentAt).getTime() <= replyDue,
      );
      const lastTwo = kits.slice(-2);
      if (offer.status === "accepted" && lastTwo.length === 2 && lastTwo.every((t) => !t.repliedAt)) {
        flags.push(`No reply to the last two keep-in-touch emails (weeks ${lastTwo[0].seq} and ${lastTwo[1].seq})`);
      }
      if (offer.status === "accepted" && offer.acceptedAt) {
        // Days from the UK day of acceptance to the start date.
        const accepted = londonDay(new Date(offer.acceptedAt));
        const wait = Math.round((Date.parse(`${offer.startDate}T00:00:00Z`) - Date.parse(`${accepted}T00:00:00Z`)) / 86_400_000);
        if (wait > LONG_WAIT_DAYS) flags.push(`Starts ${wait} days after accepting (more than four weeks)`);
      }
      if (offer.status === "accepted") {
        for (const check of checks.filter((c) => c.offerId === offer.id && isStalled(c, now))) {
          const days = Math.floor((now.getTime() - new Date(check.statusChangedAt).getTime()) / 86_400_000);
          flags.push(`${CHECK_NAMES[check.kind]} ${check.status === "problem" ? "has a problem" : "still pending"} for ${days} days`);
        }
      }
      const worried = touchpoints.find((t) => t.offerId === offer.id && t.kind === "checkin" && t.answer === "worried");
      if (worried) flags.push(`Worried at the day-${worried.seq} check-in${worried.note ? `: "${worried.note}"` : ""}`);
      if (offer.status === "accepted" && offer.noShowFlaggedAt) flags.push("Start date passed with no start confirmed (possible no-show)");
      return {
        offerId: offer.id,
        applicationId: offer.applicationId,
        name: offer.fullName,
        teamName: offer.teamName,
        status: offer.status,
        startDate: offer.startDate,
        flags,
      };
    })
    .filter((o) => o.flags.length);
}
