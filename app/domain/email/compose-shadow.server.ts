import { visitDetailsForCandidate } from "../shadow/candidate-shift.server.js";
import { firstName } from "../names.js";
import type { Tx } from "#db/client.js";
import type { OutboxRow } from "#db/schema.js";
import type { ShadowCandidateVariant } from "#emails/shadow-candidate.js";
import type { ShadowHostVariant } from "#emails/shadow-host.js";
import { findShadowApplication, findShift } from "#db/queries/shadow.js";
import { createLoginLink, LOGIN_TOKEN_MINUTES } from "../links/sign-in-links.server.js";
import { formatLondonSlot } from "../workshops/london-time.js";
import { findUserForEmail } from "#db/queries/users.js";
import type { ComposeContext, Composed } from "./compose.js";
import { candidateShiftCalendar, hostShiftCalendar } from "../shadow/shift-calendar.server.js";

const CALENDAR_VARIANTS = ["confirmed", "moved", "reminder", "cancelled"];

/** The shift's calendar file, for an email that books, moves, reminds of or cancels it. */
const calendarFile = (content: string) => [{ filename: "shadow-shift.ics", content, contentType: "text/calendar" }];

/**
 * Every shadow shift email, to the candidate or the host. The visit details (perhaps a client's
 * home) go to the candidate only while the shift is confirmed for their application, whatever the
 * email: a proposed, moved or cancelled shift never shows them.
 */
export async function composeShadowEmail(trx: Tx, row: OutboxRow, { orgName, appUrl }: ComposeContext): Promise<Composed | null> {
  const payload = row.payload as { applicationId: string; shiftId?: string; variant: string };
  const application = await findShadowApplication(trx, payload.applicationId);
  if (!application) throw new Error(`Application ${payload.applicationId} for outbox ${row.id} is gone`);
  const shift = payload.shiftId ? await findShift(trx, payload.shiftId) : undefined;
  const when = shift ? formatLondonSlot(shift.startsAt, shift.endsAt) : null;
  if (row.kind === "shadow-candidate") {
    // Their calendar holds a shift only while it is confirmed for them: a cancellation, or a move
    // back to a proposal they have not accepted yet, takes it out (same UID, higher SEQUENCE).
    const confirmed = shift?.status === "confirmed" && shift.applicationId === application.id;
    const cancelled = payload.variant === "cancelled" || (payload.variant === "moved" && !confirmed);
    return {
      to: application.email,
      attachments:
        shift && (confirmed || cancelled) && CALENDAR_VARIANTS.includes(payload.variant)
          ? calendarFile(candidateShiftCalendar(shift, application.id, orgName, cancelled))
          : undefined,
      email: {
        template: "shadow-candidate",
        props: {
          variant: payload.variant as ShadowCandidateVariant,
          name: firstName(application.fullName),
          orgName,
          jobTitle: application.title,
          when,
          hostName: shift ? firstName(shift.hostName) : null,
          meetingPoint: shift?.meetingPoint ?? null,
          visitDetails: shift ? visitDetailsForCandidate(shift, application.id) : null,
          bringAndWear: shift?.bringAndWear || null,
          url: await createLoginLink(trx, appUrl, application.candidateId, `/me/shadow/${application.id}`),
          minutes: LOGIN_TOKEN_MINUTES,
        },
      },
    };
  }
  // A host without a sign-in (a member who was never given one, or whose account was removed)
  // cannot be emailed a staff link: the email is skipped rather than retried for ever.
  if (!shift?.hostUserId) return null;
  const host = await findUserForEmail(trx, shift.hostUserId);
  const variant = payload.variant as ShadowHostVariant;
  return {
    to: host.email,
    attachments: CALENDAR_VARIANTS.includes(variant)
      ? calendarFile(hostShiftCalendar(shift, application.fullName, variant === "cancelled"))
      : undefined,
    email: {
      template: "shadow-host",
      props: {
        variant,
        name: firstName(shift.hostName),
        orgName,
        candidateName: application.fullName,
        when: when ?? "",
        meetingPoint: shift.meetingPoint,
        url: variant === "feedback" ? `${appUrl}/shadow/${shift.id}/feedback` : `${appUrl}/shadow`,
      },
    },
  };
}
