import type { Tx } from "#db/client.js";
import { findUserForEmail } from "#db/queries/users.js";
import { CONFIRM_LINK_HOURS, createConfirmLink } from "../organisations/confirm-email.server.js";
import { createInvitationLink, INVITATION_DAYS } from "../staff/invitations.server.js";
import type { ComposeContext, Composed } from "./compose.js";
import { createResetLink, RESET_LINK_MINUTES } from "../auth/password.server.js";
import { firstName } from "../names.js";

const STAFF_EMAILS = ["staff-confirm-email", "staff-invitation", "staff-reset-password", "staff-password-changed"];
export const isStaffEmail = (kind: string) => STAFF_EMAILS.includes(kind);

const ROLE_PHRASES = { admin: "an admin", lead: "a recruitment lead", coach: "a coach", member: "a team member" } as const;

/**
 * Emails about staff accounts: confirming the first admin's address, and invitations. Each link
 * is minted as it is sent; an invitation withdrawn, accepted or expired since is not sent (null).
 */
export async function composeStaffEmail(
  trx: Tx,
  kind: string,
  payload: Record<string, string>,
  ctx: ComposeContext,
): Promise<Composed | null> {
  if (kind === "staff-invitation") {
    const link = await createInvitationLink(trx, ctx.appUrl, payload.invitationId);
    if (!link) return null;
    const inviter = link.invitation.invitedBy ? await findUserForEmail(trx, link.invitation.invitedBy) : null;
    return {
      to: link.invitation.email,
      email: {
        template: "staff-invitation",
        props: {
          orgName: ctx.orgName,
          invitedBy: inviter?.name ?? ctx.orgName,
          roleLabel: ROLE_PHRASES[link.invitation.role],
          joinUrl: link.url,
          days: INVITATION_DAYS,
        },
      },
    };
  }
  const user = await findUserForEmail(trx, payload.userId);
  const name = firstName(user.name);
  if (kind === "staff-reset-password") {
    const resetUrl = await createResetLink(trx, ctx.appUrl, payload.userId);
    return {
      to: user.email,
      email: { template: "reset-password", props: { name, orgName: ctx.orgName, resetUrl, minutes: RESET_LINK_MINUTES } },
    };
  }
  if (kind === "staff-password-changed") {
    return { to: user.email, email: { template: "password-changed", props: { name, orgName: ctx.orgName } } };
  }
  const confirmUrl = await createConfirmLink(trx, ctx.appUrl, payload.userId);
  return {
    to: user.email,
    email: {
      template: "confirm-email",
      props: { name, orgName: ctx.orgName, confirmUrl, hours: CONFIRM_LINK_HOURS },
    },
  };
}
