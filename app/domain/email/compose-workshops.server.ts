import { firstName } from "../names.js";
import type { Tx } from "#db/client.js";
import { findUserForEmail } from "#db/queries/users.js";
import { findBookingDetails, findWaitlistOfferForEmail, findWorkshopById } from "#db/queries/workshops.js";
import { createLoginLink, LOGIN_TOKEN_MINUTES } from "../links/sign-in-links.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";
import { bookingCalendar } from "../workshops/booking-calendar.js";
import { formatLondonDate, formatLondonSlot, formatLondonTime } from "../workshops/london-time.js";
import type { ComposeContext, Composed } from "./compose.js";

const KINDS = ["workshop-booked", "workshop-cancelled", "workshop-reminder", "workshop-no-show", "waitlist-offer", "workshop-low-numbers"];

export const isWorkshopEmail = (kind: string) => KINDS.includes(kind);

/**
 * The workshop emails: to the candidate (booked or moved, cancelled, reminded, missed, offered a
 * seat from the waiting list), each with a fresh sign-in link to their booking page and, for a
 * booking or a cancellation, the calendar file; and to a lead when a workshop is below the minimum.
 */
export async function composeWorkshopEmail(trx: Tx, kind: string, payload: Record<string, string>, ctx: ComposeContext): Promise<Composed> {
  switch (kind) {
    case "workshop-booked":
    case "workshop-cancelled": {
      const booking = await findBookingDetails(trx, payload.bookingId);
      const cancelled = kind === "workshop-cancelled";
      const when = formatLondonSlot(booking.startsAt, booking.endsAt);
      const link = await createLoginLink(trx, ctx.appUrl, booking.candidateId, `/me/workshop/${booking.applicationId}`);
      const attachments = [
        { filename: "workshop.ics", content: bookingCalendar(booking, ctx.orgName, cancelled), contentType: "text/calendar" },
      ];
      const name = firstName(booking.fullName);
      return cancelled
        ? {
            to: booking.email,
            attachments,
            email: {
              template: "workshop-cancelled",
              props: { name, orgName: ctx.orgName, when, bookUrl: link, minutes: LOGIN_TOKEN_MINUTES },
            },
          }
        : {
            to: booking.email,
            attachments,
            email: {
              template: "workshop-booked",
              props: {
                name,
                orgName: ctx.orgName,
                when,
                venue: booking.venueName,
                address: booking.venueAddress,
                directions: booking.directions,
                accessibility: booking.accessibility,
                moved: booking.sequence > 0,
                manageUrl: link,
                minutes: LOGIN_TOKEN_MINUTES,
              },
            },
          };
    }
    case "workshop-reminder": {
      const booking = await findBookingDetails(trx, payload.bookingId);
      return {
        to: booking.email,
        email: {
          template: "workshop-reminder",
          props: {
            name: firstName(booking.fullName),
            orgName: ctx.orgName,
            when: formatLondonSlot(booking.startsAt, booking.endsAt),
            venue: booking.venueName,
            address: booking.venueAddress,
            directions: booking.directions,
            soon: payload.which === "2h",
            manageUrl: await createLoginLink(trx, ctx.appUrl, booking.candidateId, `/me/workshop/${booking.applicationId}`),
            minutes: LOGIN_TOKEN_MINUTES,
          },
        },
      };
    }
    case "workshop-no-show": {
      const booking = await findBookingDetails(trx, payload.bookingId);
      const bookUrl = await createLoginLink(trx, ctx.appUrl, booking.candidateId, `/me/workshop/${booking.applicationId}`);
      return {
        to: booking.email,
        email: {
          template: "workshop-no-show",
          props: { name: firstName(booking.fullName), orgName: ctx.orgName, bookUrl, minutes: LOGIN_TOKEN_MINUTES },
        },
      };
    }
    case "waitlist-offer": {
      const entry = await findWaitlistOfferForEmail(trx, payload.entryId);
      const until = entry.offerExpiresAt
        ? `${formatLondonDate(entry.offerExpiresAt)}, ${formatLondonTime(entry.offerExpiresAt)}`
        : "tomorrow";
      return {
        to: entry.email,
        email: {
          template: "waitlist-offer",
          props: {
            name: firstName(entry.fullName),
            orgName: ctx.orgName,
            when: formatLondonSlot(entry.startsAt, entry.endsAt),
            until,
            bookUrl: await createLoginLink(trx, ctx.appUrl, entry.candidateId, `/me/workshop/${entry.applicationId}`),
            minutes: LOGIN_TOKEN_MINUTES,
          },
        },
      };
    }
    case "workshop-low-numbers": {
      const [lead, workshop, settings] = await Promise.all([
        findUserForEmail(trx, payload.userId),
        findWorkshopById(trx, payload.workshopId),
        getOrgSettings(trx),
      ]);
      if (!workshop) throw new Error(`Workshop ${payload.workshopId} not found`);
      return {
        to: lead.email,
        email: {
          template: "workshop-low-numbers",
          props: {
            name: firstName(lead.name),
            orgName: ctx.orgName,
            when: formatLondonSlot(workshop.startsAt, workshop.endsAt),
            // Live bookings only (findWorkshopById's `taken`).
            booked: workshop.taken,
            minimum: settings.workshopMinAttendees,
            workshopUrl: `${ctx.appUrl}/workshops/${workshop.id}`,
          },
        },
      };
    }
    default:
      throw new Error(`Not a workshop email: ${kind}`);
  }
}
