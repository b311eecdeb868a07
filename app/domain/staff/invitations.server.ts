import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { StaffRole } from "#db/schema.js";
import { isStaffEmailTaken } from "#db/queries/users.js";
import { lockInvitation, lockInvitationByToken } from "#db/queries/staff.js";
import type { UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { randomToken, sha256 } from "../links/tokens.server.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { StaffError } from "./staff.errors.js";

export const INVITATION_DAYS = 7;
type Actor = { userId: string; name: string };

const expiry = () => new Date(Date.now() + INVITATION_DAYS * 86_400_000);

/** An admin invites someone by email with a role; the email carries a single-use link for 7 days. */
export async function inviteStaff(ctx: UseCaseContext, actor: Actor, input: { email: string; role: StaffRole }) {
  const { trx } = ctx;
  if (await isStaffEmailTaken(trx, input.email)) {
    throw new StaffError("already_staff", "That email address already has a staff account", "email");
  }
  const invitation = await trx
    .insertInto("staffInvitations")
    .values({ email: input.email, role: input.role, invitedBy: actor.userId, expiresAt: expiry() })
    .onConflict((oc) => oc.columns(["orgId", "email"]).where("acceptedAt", "is", null).where("withdrawnAt", "is", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!invitation) throw new StaffError("already_invited", "That person has an invitation already: resend it from the list below", "email");
  await recordAudit(trx, {
    actor,
    kind: "staff",
    action: "invitation.sent",
    subjectId: invitation.id,
    summary: `Invited ${input.email} as ${input.role}`,
    after: { email: input.email, role: input.role },
  });
  await sendAfterCommit(ctx, { kind: "staff-invitation", invitationId: invitation.id });
  return { invitationId: invitation.id };
}

async function openInvitation(trx: Tx, id: string) {
  const invitation = await lockInvitation(trx, id);
  if (!invitation || invitation.acceptedAt || invitation.withdrawnAt)
    throw new StaffError("not_found", "We could not find that invitation");
  return invitation;
}

/** Sends the invitation again with a fresh 7 days (the new email's link replaces the old one). */
export async function resendInvitation(ctx: UseCaseContext, actor: Actor, invitationId: string) {
  const invitation = await openInvitation(ctx.trx, invitationId);
  await ctx.trx.updateTable("staffInvitations").set({ expiresAt: expiry(), tokenHash: null }).where("id", "=", invitation.id).execute();
  await recordAudit(ctx.trx, {
    actor,
    kind: "staff",
    action: "invitation.resent",
    subjectId: invitation.id,
    summary: `Sent the invitation to ${invitation.email} again`,
  });
  await sendAfterCommit(ctx, { kind: "staff-invitation", invitationId: invitation.id });
}

/** The link stops working at once. */
export async function withdrawInvitation(ctx: UseCaseContext, actor: Actor, invitationId: string) {
  const invitation = await openInvitation(ctx.trx, invitationId);
  await ctx.trx.updateTable("staffInvitations").set({ withdrawnAt: sql`now()`, tokenHash: null }).where("id", "=", invitation.id).execute();
  await recordAudit(ctx.trx, {
    actor,
    kind: "staff",
    action: "invitation.withdrawn",
    subjectId: invitation.id,
    summary: `Withdrew the invitation to ${invitation.email}`,
    before: { status: "open" },
    after: { status: "withdrawn" },
  });
}

/** Mints the link as the email is composed (null: the invitation is no longer open, nothing to send). */
export async function createInvitationLink(trx: Tx, appUrl: string, invitationId: string) {
  const invitation = await lockInvitation(trx, invitationId);
  if (!invitation || invitation.acceptedAt || invitation.withdrawnAt || invitation.expiresAt < new Date()) return null;
  const token = randomToken();
  await trx
    .updateTable("staffInvitations")
    .set({ tokenHash: sha256(token) })
    .where("id", "=", invitationId)
    .execute();
  return { invitation, url: `${appUrl}/join?token=${encodeURIComponent(token)}` };
}

/** What the invitation page shows before it is accepted; null when the link cannot be used. */
export async function peekInvitation(trx: Tx, token: string) {
  const invitation = await trx
    .selectFrom("staffInvitations")
    .select(["email", "role", "expiresAt", "acceptedAt", "withdrawnAt"])
    .where("tokenHash", "=", sha256(token))
    .executeTakeFirst();
  if (!invitation || invitation.acceptedAt || invitation.withdrawnAt || invitation.expiresAt < new Date()) return null;
  return { email: invitation.email, role: invitation.role };
}

/** Accepting: the account is made with the person's name and password, and the link is spent. */
export async function acceptInvitation(ctx: UseCaseContext, token: string, input: { name: string; passwordHash: string }) {
  const { trx } = ctx;
  const invitation = await lockInvitationByToken(trx, sha256(token));
  if (!invitation || invitation.acceptedAt || invitation.withdrawnAt || invitation.expiresAt < new Date()) {
    throw new StaffError(
      "invitation_invalid",
      "This invitation has been used, withdrawn or has expired. Ask your admin to send a new one.",
    );
  }
  if (await isStaffEmailTaken(trx, invitation.email)) {
    throw new StaffError("already_staff", "That email address already has a staff account. Sign in instead.");
  }
  const user = await trx
    .insertInto("users")
    .values({ email: invitation.email, name: input.name, role: invitation.role, passwordHash: input.passwordHash })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.updateTable("staffInvitations").set({ acceptedAt: sql`now()`, tokenHash: null }).where("id", "=", invitation.id).execute();
  await recordAudit(trx, {
    actor: { userId: user.id, name: input.name },
    kind: "staff",
    action: "invitation.accepted",
    subjectId: user.id,
    summary: `Accepted the invitation as ${invitation.role}`,
    after: { email: invitation.email, role: invitation.role },
  });
  return { userId: user.id };
}
