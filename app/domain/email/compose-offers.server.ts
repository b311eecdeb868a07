import type { Tx } from "#db/client.js";
import type { OutboxRow } from "#db/schema.js";
import type { OfferCandidateVariant } from "#emails/offer-candidate.js";
import type { OfferLeadVariant } from "#emails/offer-lead.js";
import { findOfferById } from "#db/queries/offers.js";
import { createLoginLink, LOGIN_TOKEN_MINUTES } from "../links/sign-in-links.server.js";
import { firstName } from "../names.js";
import { formatUkDay } from "../offers/offer-rules.js";
import { WITHDRAWAL_REASONS } from "../offers/offer.schema.js";
import { findUserForEmail } from "#db/queries/users.js";
import type { ComposeContext, Composed } from "./compose.js";

/** Every offer email: to the candidate (the offer, a moved start date) and to the leads (their answer). */
export async function composeOfferEmail(trx: Tx, row: OutboxRow, { appUrl, orgName }: ComposeContext): Promise<Composed> {
  const payload = row.payload as { offerId: string; userId?: string; variant: string };
  const offer = await findOfferById(trx, payload.offerId);
  if (!offer) throw new Error(`Offer ${payload.offerId} for outbox ${row.id} is gone`);
  const startDate = formatUkDay(offer.startDate);
  if (row.kind === "offer-candidate") {
    return {
      to: offer.email,
      email: {
        template: "offer-candidate",
        props: {
          variant: payload.variant as OfferCandidateVariant,
          name: firstName(offer.fullName),
          orgName,
          roleTitle: offer.roleTitle,
          hours: offer.hours,
          pay: offer.pay,
          startDate,
          teamName: offer.teamName,
          buddyName: offer.buddyName ? firstName(offer.buddyName) : null,
          url: await createLoginLink(trx, appUrl, offer.candidateId, `/me/offer/${offer.applicationId}`),
          minutes: LOGIN_TOKEN_MINUTES,
        },
      },
    };
  }
  const lead = await findUserForEmail(trx, payload.userId as string);
  const variant = payload.variant as OfferLeadVariant;
  return {
    to: lead.email,
    email: {
      template: "offer-lead",
      props: {
        variant,
        name: firstName(lead.name),
        orgName,
        candidateName: offer.fullName,
        roleTitle: offer.roleTitle,
        teamName: offer.teamName,
        startDate,
        reason:
          variant === "declined"
            ? offer.declineReason
            : variant === "withdrawn" && offer.withdrawalReason
              ? `${WITHDRAWAL_REASONS[offer.withdrawalReason]}${offer.withdrawalNote ? `: ${offer.withdrawalNote}` : ""}`
              : null,
        url: `${appUrl}/pipeline/${offer.applicationId}`,
      },
    },
  };
}
