import type { UseCaseContext } from "../after-commit.js";
import { changedFields, recordAudit } from "../audit/record-audit.server.js";
import { getOrgSettings, type OrgSettings, saveOrgSettings } from "./org-settings.server.js";

/**
 * Saves settings from a settings page and records the change in the audit log once, with only the
 * fields that changed (a save that changes nothing records nothing).
 */
export async function updateOrgSettings(
  ctx: UseCaseContext,
  actor: { userId: string; name: string },
  page: string,
  settings: Partial<OrgSettings>,
) {
  const before = await getOrgSettings(ctx.trx);
  await saveOrgSettings(ctx.trx, settings);
  const changed = changedFields(before, settings);
  if (!changed) return;
  await recordAudit(ctx.trx, {
    actor,
    kind: "settings",
    action: `settings.${page}`,
    summary: `Changed the ${page} settings`,
    ...changed,
  });
}
