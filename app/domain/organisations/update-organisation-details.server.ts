import { sql } from "kysely";
import type { UseCaseContext } from "../after-commit.js";
import { changedFields, recordAudit } from "../audit/record-audit.server.js";
import { getOrgSettings, saveOrgSettings } from "./org-settings.server.js";
import type { OrganisationDetailsInput } from "./organisation.schema.js";

/** What Settings > Organisation shows: the name, the contact email and the sender name ("" when not set). */
export async function getOrganisationDetails({ trx }: Pick<UseCaseContext, "trx">) {
  const [org, settings] = await Promise.all([
    trx.selectFrom("organisations").select("name").where("id", "=", sql<string>`current_org_id()`).executeTakeFirstOrThrow(),
    getOrgSettings(trx),
  ]);
  return { name: org.name, contactEmail: settings.contactEmail ?? "", senderName: settings.senderName ?? "" };
}

/**
 * An admin changes the organisation's name, its public contact email (the Reply-To of every email
 * sent for it) or the sender name. One audit entry with what changed; a save that changes nothing
 * records nothing. A new name bumps the public pages' version (a trigger), so the careers pages
 * show it within a second.
 */
export async function updateOrganisationDetails(
  ctx: UseCaseContext,
  actor: { userId: string; name: string },
  input: OrganisationDetailsInput,
) {
  const before = await getOrganisationDetails(ctx);
  const change = changedFields(before, input);
  if (!change) return;
  if (input.name !== before.name) await sql`select rename_current_organisation(${input.name})`.execute(ctx.trx);
  await saveOrgSettings(ctx.trx, { contactEmail: input.contactEmail || null, senderName: input.senderName || null });
  await recordAudit(ctx.trx, {
    actor,
    kind: "settings",
    action: "settings.organisation",
    summary: "Changed the organisation's details",
    ...change,
  });
}
