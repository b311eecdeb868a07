import { composeRetentionReport } from "./compose-privacy.server.js";
import { composeOutcomeEmail, isOutcomeEmail } from "./compose-outcomes.server.js";
import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import type { OutboxRow } from "#db/schema.js";
import { withOrg } from "#db/tenant.js";
import { findOrganisationById } from "#db/queries/organisations.js";
import { type Sender, sendEmail } from "#emails/send-email.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";
import { defaultSenderName } from "../organisations/organisation.schema.js";
import { getServerEnv } from "#app/env.server.js";
import { composeApplicationEmail, isApplicationEmail } from "./compose-applications.server.js";
import { composeWorkshopEmail, isWorkshopEmail } from "./compose-workshops.server.js";
import { composeVoteEmail } from "./compose-votes.server.js";
import { composeTouchpointEmail } from "./compose-touchpoints.server.js";
import { composeShadowEmail } from "./compose-shadow.server.js";
import { composeMixEmail } from "./compose-mix.server.js";
import { composeOfferEmail } from "./compose-offers.server.js";
import { composeStaffEmail, isStaffEmail } from "./compose-staff.server.js";
import type { Composed } from "./compose.js";

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
    if (composed) return { ...composed, sender: await senderOf(trx, row.orgId) };
    // No longer wanted (say a vote reminder to someone who has voted since): recorded, not sent.
    await trx.updateTable("outbox").set({ sentAt: sql`now()`, providerId: "skipped" }).where("id", "=", outboxId).execute();
    return "skipped" as const;
  });
  if (typeof prepared === "string") return prepared;
  const providerId = await sendEmail(prepared.to, prepared.email, `outbox-${outboxId}`, prepared.attachments, prepared.sender);
  await withOrg(db, orgId, (trx) =>
    trx.updateTable("outbox").set({ sentAt: sql`now()`, providerId }).where("id", "=", outboxId).where("sentAt", "is", null).execute(),
  );
  return "sent" as const;
}

/** The organisation's sender name ("Oakfield Home Care via Circle Hire" unless it chose one) and Reply-To. */
async function senderOf(trx: Tx, orgId: string): Promise<Sender> {
  const [org, settings] = await Promise.all([findOrganisationById(trx, orgId), getOrgSettings(trx)]);
  return { name: settings.senderName || defaultSenderName(org.name), replyTo: settings.contactEmail };
}

/** Composes an outbox row's email in its area's module; null when it is no longer wanted. */
async function composeOutboxEmail(trx: Tx, row: OutboxRow): Promise<Composed | null> {
  const org = await findOrganisationById(trx, row.orgId);
  const ctx = { appUrl: getServerEnv().APP_URL, orgName: org.name };
  const payload = row.payload as Record<string, string>;
  if (isOutcomeEmail(row.kind)) return composeOutcomeEmail(trx, row.kind, payload, ctx);
  if (isApplicationEmail(row.kind)) return composeApplicationEmail(trx, row.kind, payload, ctx);
  if (isWorkshopEmail(row.kind)) return composeWorkshopEmail(trx, row.kind, payload, ctx);
  if (row.kind === "shadow-candidate" || row.kind === "shadow-host") return composeShadowEmail(trx, row, ctx);
  if (row.kind.startsWith("vote-")) return composeVoteEmail(trx, row.kind, payload, ctx);
  if (row.kind === "offer-candidate" || row.kind === "offer-lead") return composeOfferEmail(trx, row, ctx);
  if (row.kind === "touchpoint" || row.kind === "offer-alert") return composeTouchpointEmail(trx, row.kind, payload, ctx);
  if (isStaffEmail(row.kind)) return composeStaffEmail(trx, row.kind, payload, ctx);
  if (row.kind === "team-mix-digest") return composeMixEmail(trx, payload, ctx);
  if (row.kind === "retention-report") return composeRetentionReport(trx, payload, ctx);
  throw new Error(`Unknown outbox email kind "${row.kind}" (${row.id})`);
}
