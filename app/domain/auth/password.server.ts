import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { randomToken, sha256 } from "../links/tokens.server.js";

// Passwords are hashed by the caller (the web layer's password module); these use cases only store
// the hash, so the domain never sees a password.

export const RESET_LINK_MINUTES = 30;

/** Someone asked to reset the password of this (active) account: the link is minted as the email is sent. */
export async function requestPasswordReset(ctx: UseCaseContext, userId: string) {
  await sendAfterCommit(ctx, { kind: "staff-reset-password", userId });
}

/** Stores a fresh single-use reset token (hashed) and returns the link; called as the email is composed. */
export async function createResetLink(trx: Tx, appUrl: string, userId: string) {
  const token = randomToken();
  await trx
    .insertInto("staffTokens")
    .values({ tokenHash: sha256(token), userId, purpose: "reset_password", expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000) })
    .execute();
  return `${appUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

/** Whether a reset link still works (for the page that asks for the new password). */
export async function isResetLinkValid(trx: Tx, token: string) {
  const row = await liveResetToken(trx, token).select("tokenHash").executeTakeFirst();
  return Boolean(row);
}

const liveResetToken = (trx: Tx, token: string) =>
  trx
    .selectFrom("staffTokens")
    .innerJoin("users", "users.id", "staffTokens.userId")
    .where("staffTokens.tokenHash", "=", sha256(token))
    .where("staffTokens.purpose", "=", "reset_password")
    .where("staffTokens.usedAt", "is", null)
    .where("staffTokens.expiresAt", ">", sql<Date>`now()`)
    .where("users.deactivatedAt", "is", null);

/** Stores the new password hash, ends every session of the account, and tells its owner by email. */
async function setPassword(ctx: UseCaseContext, user: { id: string; name: string }, passwordHash: string, how: string) {
  await ctx.trx.updateTable("users").set({ passwordHash }).where("id", "=", user.id).execute();
  await ctx.trx
    .updateTable("sessions")
    .set({ revokedAt: sql`now()` })
    .where("userId", "=", user.id)
    .where("revokedAt", "is", null)
    .execute();
  await sendAfterCommit(ctx, { kind: "staff-password-changed", userId: user.id });
  await recordAudit(ctx.trx, {
    actor: { userId: user.id, name: user.name },
    kind: "staff",
    action: "staff.password",
    subjectId: user.id,
    summary: how,
  });
}

/**
 * Uses a reset link once. Returns the user, or null when the link was used, has expired, or
 * belongs to an account deactivated since.
 */
export async function resetPassword(ctx: UseCaseContext, input: { token: string; passwordHash: string }) {
  const user = await liveResetToken(ctx.trx, input.token).select(["users.id", "users.name"]).forUpdate().executeTakeFirst();
  if (!user) return null;
  await ctx.trx.updateTable("staffTokens").set({ usedAt: sql`now()` }).where("tokenHash", "=", sha256(input.token)).execute();
  // Any other reset link for the account stops working too.
  await ctx.trx
    .updateTable("staffTokens")
    .set({ usedAt: sql`now()` })
    .where("userId", "=", user.id)
    .where("purpose", "=", "reset_password")
    .where("usedAt", "is", null)
    .execute();
  await setPassword(ctx, user, input.passwordHash, "Reset their password from an emailed link");
  return user;
}

/** A signed-in person changes their own password (the caller has checked the current one). */
export async function changePassword(ctx: UseCaseContext, input: { userId: string; passwordHash: string }) {
  const user = await ctx.trx.selectFrom("users").select(["id", "name"]).where("id", "=", input.userId).executeTakeFirstOrThrow();
  await setPassword(ctx, user, input.passwordHash, "Changed their password");
}
