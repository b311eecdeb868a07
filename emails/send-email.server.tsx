import { render, toPlainText } from "@react-email/render";
import { Resend } from "resend";
import { getServerEnv } from "../app/env.server.js";
import { singleton } from "../db/singleton.js";
import AlreadyApplied, { type AlreadyAppliedProps, subject as alreadyAppliedSubject } from "./already-applied.js";
import ApplicationReceived, { type ApplicationReceivedProps, subject as receivedSubject } from "./application-received.js";
import MemberSurveyInvite, { type MemberSurveyInviteProps, subject as memberInviteSubject } from "./member-survey-invite.js";
import OfferCandidate, { type OfferCandidateProps, subject as offerCandidateSubject } from "./offer-candidate.js";
import OfferLead, { type OfferLeadProps, subject as offerLeadSubject } from "./offer-lead.js";
import ShadowCandidate, { type ShadowCandidateProps, subject as shadowCandidateSubject } from "./shadow-candidate.js";
import ShadowHost, { type ShadowHostProps, subject as shadowHostSubject } from "./shadow-host.js";
import ConfirmEmail, { type ConfirmEmailProps, subject as confirmEmailSubject } from "./confirm-email.js";
import StaffInvitation, { type StaffInvitationProps, subject as staffInvitationSubject } from "./staff-invitation.js";
import ResetPassword, { type ResetPasswordProps, subject as resetPasswordSubject } from "./reset-password.js";
import PasswordChanged, { type PasswordChangedProps, subject as passwordChangedSubject } from "./password-changed.js";
import SignInLink, { type SignInLinkProps, subject as signInSubject } from "./sign-in-link.js";
import SurveyReminder, { type SurveyReminderProps, subject as reminderSubject } from "./survey-reminder.js";
import WaitlistOffer, { subject as waitlistSubject, type WaitlistOfferProps } from "./waitlist-offer.js";
import WorkshopBooked, { subject as bookedSubject, type WorkshopBookedProps } from "./workshop-booked.js";
import WorkshopCancelled, { subject as cancelledSubject, type WorkshopCancelledProps } from "./workshop-cancelled.js";
import WorkshopLowNumbers, { subject as lowNumbersSubject, type WorkshopLowNumbersProps } from "./workshop-low-numbers.js";
import WorkshopNoShow, { subject as noShowSubject, type WorkshopNoShowProps } from "./workshop-no-show.js";
import WorkshopReminder, { type WorkshopReminderProps, subject as workshopReminderSubject } from "./workshop-reminder.js";
import VoteNotice, { subject as voteNoticeSubject, type VoteNoticeProps } from "./vote-notice.js";
import KeepInTouch, { type KeepInTouchProps, subject as keepInTouchSubject } from "./keep-in-touch.js";
import OfferAlert, { type OfferAlertProps, subject as offerAlertSubject } from "./offer-alert.js";
import TeamMixDigest, { subject as teamMixDigestSubject, type TeamMixDigestProps } from "./team-mix-digest.js";
import ApplicationOutcome, { type ApplicationOutcomeProps, subject as applicationOutcomeSubject } from "./application-outcome.js";
import RetentionReport, { type RetentionReportProps, subject as retentionReportSubject } from "./retention-report.js";
import CandidateMessage, { type CandidateMessageProps, subject as candidateMessageSubject } from "./candidate-message.js";

/** Every email the app sends: its template and props. */
export type Email =
  | { template: "application-received"; props: ApplicationReceivedProps }
  | { template: "already-applied"; props: AlreadyAppliedProps }
  | { template: "sign-in-link"; props: SignInLinkProps }
  | { template: "confirm-email"; props: ConfirmEmailProps }
  | { template: "staff-invitation"; props: StaffInvitationProps }
  | { template: "reset-password"; props: ResetPasswordProps }
  | { template: "password-changed"; props: PasswordChangedProps }
  | { template: "survey-reminder"; props: SurveyReminderProps }
  | { template: "member-survey-invite"; props: MemberSurveyInviteProps }
  | { template: "workshop-booked"; props: WorkshopBookedProps }
  | { template: "workshop-cancelled"; props: WorkshopCancelledProps }
  | { template: "workshop-reminder"; props: WorkshopReminderProps }
  | { template: "workshop-no-show"; props: WorkshopNoShowProps }
  | { template: "waitlist-offer"; props: WaitlistOfferProps }
  | { template: "workshop-low-numbers"; props: WorkshopLowNumbersProps }
  | { template: "vote-notice"; props: VoteNoticeProps }
  | { template: "candidate-message"; props: CandidateMessageProps }
  | { template: "keep-in-touch"; props: KeepInTouchProps }
  | { template: "offer-alert"; props: OfferAlertProps }
  | { template: "shadow-candidate"; props: ShadowCandidateProps }
  | { template: "shadow-host"; props: ShadowHostProps }
  | { template: "team-mix-digest"; props: TeamMixDigestProps }
  | { template: "offer-candidate"; props: OfferCandidateProps }
  | { template: "offer-lead"; props: OfferLeadProps }
  | { template: "retention-report"; props: RetentionReportProps }
  | { template: "application-outcome"; props: ApplicationOutcomeProps };

export type Attachment = { filename: string; content: string; contentType: string };

function compose(email: Email) {
  switch (email.template) {
    case "application-received":
      return { subject: receivedSubject(email.props), element: <ApplicationReceived {...email.props} /> };
    case "already-applied":
      return { subject: alreadyAppliedSubject(email.props), element: <AlreadyApplied {...email.props} /> };
    case "sign-in-link":
      return { subject: signInSubject(email.props), element: <SignInLink {...email.props} /> };
    case "confirm-email":
      return { subject: confirmEmailSubject(email.props), element: <ConfirmEmail {...email.props} /> };
    case "staff-invitation":
      return { subject: staffInvitationSubject(email.props), element: <StaffInvitation {...email.props} /> };
    case "reset-password":
      return { subject: resetPasswordSubject(email.props), element: <ResetPassword {...email.props} /> };
    case "password-changed":
      return { subject: passwordChangedSubject(email.props), element: <PasswordChanged {...email.props} /> };
    case "survey-reminder":
      return { subject: reminderSubject(email.props), element: <SurveyReminder {...email.props} /> };
    case "member-survey-invite":
      return { subject: memberInviteSubject(email.props), element: <MemberSurveyInvite {...email.props} /> };
    case "workshop-booked":
      return { subject: bookedSubject(email.props), element: <WorkshopBooked {...email.props} /> };
    case "workshop-cancelled":
      return { subject: cancelledSubject(email.props), element: <WorkshopCancelled {...email.props} /> };
    case "workshop-reminder":
      return { subject: workshopReminderSubject(email.props), element: <WorkshopReminder {...email.props} /> };
    case "workshop-no-show":
      return { subject: noShowSubject(email.props), element: <WorkshopNoShow {...email.props} /> };
    case "waitlist-offer":
      return { subject: waitlistSubject(email.props), element: <WaitlistOffer {...email.props} /> };
    case "workshop-low-numbers":
      return { subject: lowNumbersSubject(email.props), element: <WorkshopLowNumbers {...email.props} /> };
    case "vote-notice":
      return { subject: voteNoticeSubject(email.props), element: <VoteNotice {...email.props} /> };
    case "candidate-message":
      return { subject: candidateMessageSubject(email.props), element: <CandidateMessage {...email.props} /> };
    case "keep-in-touch":
      return { subject: keepInTouchSubject(email.props), element: <KeepInTouch {...email.props} /> };
    case "offer-alert":
      return { subject: offerAlertSubject(email.props), element: <OfferAlert {...email.props} /> };
    case "shadow-candidate":
      return { subject: shadowCandidateSubject(email.props), element: <ShadowCandidate {...email.props} /> };
    case "shadow-host":
      return { subject: shadowHostSubject(email.props), element: <ShadowHost {...email.props} /> };
    case "team-mix-digest":
      return { subject: teamMixDigestSubject(email.props), element: <TeamMixDigest {...email.props} /> };
    case "application-outcome":
      return { subject: applicationOutcomeSubject(email.props), element: <ApplicationOutcome {...email.props} /> };
    case "retention-report":
      return { subject: retentionReportSubject(email.props), element: <RetentionReport {...email.props} /> };
    case "offer-candidate":
      return { subject: offerCandidateSubject(email.props), element: <OfferCandidate {...email.props} /> };
    case "offer-lead":
      return { subject: offerLeadSubject(email.props), element: <OfferLead {...email.props} /> };
  }
}

function getResend() {
  const env = getServerEnv();
  // RESEND_BASE_URL (the SDK's own variable) points it at the local capture server in dev and tests.
  return singleton("resend", () => new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined));
}

/**
 * Sends one email through Resend. `idempotencyKey` makes a retried send a no-op on Resend's side.
 * Throws on failure so the job is retried with backoff.
 */
/** Who an organisation's emails are from: the name people see, and where replies go. */
export type Sender = { name?: string; replyTo?: string | null };

/** The From header: the platform's address (EMAIL_FROM), under the organisation's sender name if given. */
export function fromHeader(emailFrom: string, name?: string) {
  if (!name) return emailFrom;
  const address = emailFrom.match(/<([^>]+)>/)?.[1] ?? emailFrom.trim();
  return `"${name.replace(/["\\\r\n]/g, "")}" <${address}>`;
}

export async function sendEmail(to: string, email: Email, idempotencyKey: string, attachments: Attachment[] = [], sender: Sender = {}) {
  const { subject, element } = compose(email);
  const html = await render(element);
  const text = toPlainText(html, { selectors: [{ selector: "h1", options: { uppercase: false } }] });
  const { data, error } = await getResend().emails.send(
    {
      from: fromHeader(getServerEnv().EMAIL_FROM, sender.name),
      ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
      to,
      subject,
      html,
      text,
      attachments: attachments.map((a) => ({
        filename: a.filename,
        content: Buffer.from(a.content).toString("base64"),
        contentType: a.contentType,
      })),
    },
    { idempotencyKey },
  );
  if (error || !data) throw new Error(`Resend refused "${subject}" to ${to}: ${error?.message ?? "no id returned"}`);
  return data.id;
}
