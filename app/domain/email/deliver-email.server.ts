import { firstName } from "../names.js";
import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import type { OutboxRow } from "#db/schema.js";
import { withOrg } from "#db/tenant.js";
import { type Attachment, type Email, sendEmail } from "#emails/send-email.server.js";
import { getServerEnv } from "#app/env.server.js";
import { createLoginLink, LOGIN_TOKEN_MINUTES } from "../auth/candidate-links.server.js";
import { createMemberSurveyLink, MEMBER_LINK_DAYS } from "../survey/member-survey.server.js";
import { getOrgSettings } from "../survey/org-settings.server.js";
import { bookingCalendar } from "../workshops/booking-calendar.js";
import { formatLondonDate, formatLondonSlot, formatLondonTime } from "../workshops/london-time.js";
import { findBookingDetails } from "#db/queries/workshops.js";
import { findApplicationForEmail } from "#db/queries/applications.js";
import { composeVoteEmail } from "./compose-votes.server.js";
import { composeTouchpointEmail } from "./compose-touchpoints.server.js";
import { composeShadowEmail } from "./compose-shadow.server.js";
import { composeMixEmail } from "./compose-mix.server.js";
import { composeOfferEmail } from "./compose-offers.server.js";

/**
 * Sends one outbox email, once. What the email needs (such as a sign-in token) is committed
 * before it is sent, so a link is never in someone's inbox before it works. A sent row is
 * skipped, and the outbox id is Resend's idempotency key, so a delivery that runs twice (a retry
 * after a crash between sending and recording it) still sends one email.
 */
export async function deliverOutboxEmail(db: DB, orgId: string, outboxId: string) {
  const prepared = await withOrg(db, orgId, async (trx) => {
    const row = await trx.selectFrom("outbox").selectAll().where("id", "=", outboxId).forUpdate().executeTakeFirst();
    if (!row) return "gone" as const;
    if (row.sentAt) return "already-sent" as const;
    const composed = await composeOutboxEmail(trx, row);
    if (composed) return composed;
    // No longer wanted (say a vote reminder to someone who has voted since): recorded, not sent.
    await trx.updateTable("outbox").set({ sentAt: sql`now()`, providerId: "skipped" }).where("id", "=", outboxId).execute();
    return "skipped" as const;
  });
  if (typeof prepared === "string") return prepared;
  const providerId = await sendEmail(prepared.to, prepared.email, `outbox-${outboxId}`, prepared.attachments);
  await withOrg(db, orgId, (trx) =>
    trx.updateTable("outbox").set({ sentAt: sql`now()`, providerId }).where("id", "=", outboxId).where("sentAt", "is", null).execute(),
  );
  return "sent" as const;
}

async function composeOutboxEmail(trx: Tx, row: OutboxRow): Promise<{ to: string; email: Email; attachments?: Attachment[] } | null> {
  const appUrl = getServerEnv().APP_URL;
  const org = await trx.selectFrom("organisations").select("name").where("id", "=", row.orgId).executeTakeFirstOrThrow();
  const payload = row.payload as Record<string, string>;
  if (row.kind === "offer-candidate" || row.kind === "offer-lead") return composeOfferEmail(trx, row, { appUrl, orgName: org.name });
  if (row.kind.startsWith("vote-")) return composeVoteEmail(trx, row.kind, payload, { appUrl, orgName: org.name });
  if (row.kind === "touchpoint" || row.kind === "offer-alert")
    return composeTouchpointEmail(trx, row.kind, payload, { appUrl, orgName: org.name });
  if (row.kind === "team-mix-digest") return composeMixEmail(trx, payload, { appUrl, orgName: org.name });
  switch (row.kind) {
    case "application-received":
    case "application-duplicate": {
      const app = await findApplicationForEmail(trx, payload.applicationId);
      const props = {
        name: firstName(app.fullName),
        jobTitle: app.title,
        orgName: org.name,
        signInUrl: await createLoginLink(trx, appUrl, app.candidateId, `/me/survey/${payload.applicationId}`),
        minutes: LOGIN_TOKEN_MINUTES,
      };
      const template = row.kind === "application-received" ? "application-received" : "already-applied";
      return { to: app.email, email: { template, props } };
    }
    case "candidate-sign-in": {
      const candidate = await trx
        .selectFrom("candidates")
        .select(["id", "email", "fullName"])
        .where("id", "=", payload.candidateId)
        .executeTakeFirstOrThrow();
      const signInUrl = await createLoginLink(trx, appUrl, candidate.id, payload.nextPath);
      return {
        to: candidate.email,
        email: {
          template: "sign-in-link",
          props: { name: firstName(candidate.fullName), orgName: org.name, signInUrl, minutes: LOGIN_TOKEN_MINUTES },
        },
      };
    }
    case "survey-reminder": {
      const app = await findApplicationForEmail(trx, payload.applicationId);
      const signInUrl = await createLoginLink(trx, appUrl, app.candidateId, `/me/survey/${payload.applicationId}`);
      return {
        to: app.email,
        email: {
          template: "survey-reminder",
          props: {
            name: firstName(app.fullName),
            jobTitle: app.title,
            orgName: org.name,
            signInUrl,
            started: Boolean(app.responseId),
            minutes: LOGIN_TOKEN_MINUTES,
          },
        },
      };
    }
    case "member-survey-invite": {
      const member = await trx
        .selectFrom("teamMembers")
        .innerJoin("teams", "teams.id", "teamMembers.teamId")
        .select(["teamMembers.id", "teamMembers.name", "teamMembers.email", "teams.name as teamName"])
        .where("teamMembers.id", "=", payload.teamMemberId)
        .executeTakeFirstOrThrow();
      if (!member.email) throw new Error(`Team member ${member.id} has no email address`);
      const surveyUrl = await createMemberSurveyLink(trx, appUrl, member.id);
      return {
        to: member.email,
        email: {
          template: "member-survey-invite",
          props: { name: firstName(member.name), teamName: member.teamName, orgName: org.name, surveyUrl, days: MEMBER_LINK_DAYS },
        },
      };
    }
    case "workshop-booked":
    case "workshop-cancelled": {
      const booking = await findBookingDetails(trx, payload.bookingId);
      const cancelled = row.kind === "workshop-cancelled";
      const when = formatLondonSlot(booking.startsAt, booking.endsAt);
      const link = await createLoginLink(trx, appUrl, booking.candidateId, `/me/workshop/${booking.applicationId}`);
      const attachments = [
        { filename: "workshop.ics", content: bookingCalendar(booking, org.name, cancelled), contentType: "text/calendar" },
      ];
      const name = firstName(booking.fullName);
      return cancelled
        ? {
            to: booking.email,
            attachments,
            email: {
              template: "workshop-cancelled",
              props: { name, orgName: org.name, when, bookUrl: link, minutes: LOGIN_TOKEN_MINUTES },
            },
          }
        : {
            to: booking.email,
            attachments,
            email: {
              template: "workshop-booked",
              props: {
                name,
                orgName: org.name,
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
            orgName: org.name,
            when: formatLondonSlot(booking.startsAt, booking.endsAt),
            venue: booking.venueName,
            address: booking.venueAddress,
            directions: booking.directions,
            soon: payload.which === "2h",
            manageUrl: await createLoginLink(trx, appUrl, booking.candidateId, `/me/workshop/${booking.applicationId}`),
            minutes: LOGIN_TOKEN_MINUTES,
          },
        },
      };
    }
    case "workshop-no-show": {
      const booking = await findBookingDetails(trx, payload.bookingId);
      const bookUrl = await createLoginLink(trx, appUrl, booking.candidateId, `/me/workshop/${booking.applicationId}`);
      return {
        to: booking.email,
        email: {
          template: "workshop-no-show",
          props: { name: firstName(booking.fullName), orgName: org.name, bookUrl, minutes: LOGIN_TOKEN_MINUTES },
        },
      };
    }
    case "waitlist-offer": {
      const entry = await trx
        .selectFrom("workshopWaitlist")
        .innerJoin("workshops", "workshops.id", "workshopWaitlist.workshopId")
        .innerJoin("applications", "applications.id", "workshopWaitlist.applicationId")
        .innerJoin("candidates", "candidates.id", "applications.candidateId")
        .select([
          "workshopWaitlist.applicationId",
          "workshopWaitlist.offerExpiresAt",
          "workshops.startsAt",
          "workshops.endsAt",
          "candidates.id as candidateId",
          "candidates.email",
          "candidates.fullName",
        ])
        .where("workshopWaitlist.id", "=", payload.entryId)
        .executeTakeFirstOrThrow();
      const until = entry.offerExpiresAt
        ? `${formatLondonDate(entry.offerExpiresAt)}, ${formatLondonTime(entry.offerExpiresAt)}`
        : "tomorrow";
      return {
        to: entry.email,
        email: {
          template: "waitlist-offer",
          props: {
            name: firstName(entry.fullName),
            orgName: org.name,
            when: formatLondonSlot(entry.startsAt, entry.endsAt),
            until,
            bookUrl: await createLoginLink(trx, appUrl, entry.candidateId, `/me/workshop/${entry.applicationId}`),
            minutes: LOGIN_TOKEN_MINUTES,
          },
        },
      };
    }
    case "workshop-low-numbers": {
      const [lead, workshop, settings] = await Promise.all([
        trx.selectFrom("users").select(["email", "name"]).where("id", "=", payload.userId).executeTakeFirstOrThrow(),
        trx.selectFrom("workshops").select(["id", "startsAt", "endsAt"]).where("id", "=", payload.workshopId).executeTakeFirstOrThrow(),
        getOrgSettings(trx),
      ]);
      const { booked } = await trx
        .selectFrom("workshopBookings")
        .select(sql<number>`count(*)::int`.as("booked"))
        .where("workshopId", "=", workshop.id)
        .where("status", "=", "booked")
        .executeTakeFirstOrThrow();
      return {
        to: lead.email,
        email: {
          template: "workshop-low-numbers",
          props: {
            name: firstName(lead.name),
            orgName: org.name,
            when: formatLondonSlot(workshop.startsAt, workshop.endsAt),
            booked,
            minimum: settings.workshopMinAttendees,
            workshopUrl: `${appUrl}/workshops/${workshop.id}`,
          },
        },
      };
    }
    case "shadow-candidate":
    case "shadow-host":
      return composeShadowEmail(trx, row, org.name, appUrl);
    default:
      throw new Error(`Unknown outbox email kind "${row.kind}" (${row.id})`);
  }
}
