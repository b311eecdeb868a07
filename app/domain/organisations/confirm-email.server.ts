import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { UseCaseContext } from "../after-commit.js";
import { randomToken, sha256 } from "../links/tokens.server.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { confirmCurrentOrganisation, findOrganisationConfirmedAt } from "#db/queries/organisations.js";
import { OrganisationError } from "./organisation.errors.js";

export const CONFIRM_LINK_HOURS = 48;

/** Stores a fresh single-use confirmation token (hashed) and returns the link; called as the email is composed. */
export async function createConfirmLink(trx: Tx, appUrl: string, userId: string) {
  const token = randomToken();
  await trx
    .insertInto("staffTokens")
    .values({
      tokenHash: sha256(token),
      userId,
      purpose: "confirm_email",
      expiresAt: new Date(Date.now() + CONFIRM_LINK_HOURS * 3_600_000),
    })
    .execute();
  return `${appUrl}/start/confirm?token=${encodeURIComponent(token)}`;
}

/**
 * Uses a confirmation link once: the organisation is confirmed (it may now publish vacancies).
 * A used, expired or unknown link is refused; an organisation already confirmed stays so.
 */
export async function confirmOrganisationEmail(ctx: UseCaseContext, token: string) {
  const { trx } = ctx;
  const used = await trx
    .updateTable("staffTokens")
    .set({ usedAt: sql`now()` })
    .where("tokenHash", "=", sha256(token))
    .where("purpose", "=", "confirm_email")
    .where("usedAt", "is", null)
    .where("expiresAt", ">", sql<Date>`now()`)
    .returning("userId")
    .executeTakeFirst();
  if (!used) {
    throw new OrganisationError("link_invalid", "This confirmation link has been used or has expired. Sign in to send a new one.");
  }
  await confirmCurrentOrganisation(trx);
  return { userId: used.userId };
}

/** Sends the signed-in admin a new confirmation link (nothing when already confirmed). */
export async function resendConfirmation(ctx: UseCaseContext, userId: string) {
  const org = await findOrganisationConfirmedAt(ctx.trx);
  if (org.confirmedAt) return false;
  await sendAfterCommit(ctx, { kind: "staff-confirm-email", userId });
  return true;
}

/** Whether the organisation in scope has confirmed its first admin's email. */
export async function isOrgConfirmed(trx: Tx) {
  return Boolean((await findOrganisationConfirmedAt(trx)).confirmedAt);
}

/**
 * The rule the vacancy work calls before publishing: an organisation signed up at /start publishes
 * only once its first admin has confirmed their email.
 */
export async function checkOrgMayPublish(trx: Tx) {
  if (!(await isOrgConfirmed(trx))) {
    throw new OrganisationError(
      "not_confirmed",
      "Confirm your email address before publishing a vacancy: use the link we emailed to your organisation's first admin, or send a new one from the banner.",
    );
  }
}
