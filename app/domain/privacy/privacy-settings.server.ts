import type { Tx } from "#db/client.js";
import { DECLINE_STAGES } from "../applications/outcome-words.js";
import { changedFields, recordAudit } from "../audit/record-audit.server.js";
import { getOrgSettings, saveOrgSettings } from "../organisations/org-settings.server.js";

export type PrivacySettingsInput = { retentionMonths: number; retentionMonthsFutureJobs: number; staffRetentionMonths: number } & Record<
  `words_${(typeof DECLINE_STAGES)[number]}`,
  string
>;

/** Saves the retention periods and the decline words, and records what changed in the audit log. */
export async function savePrivacySettings(trx: Tx, input: PrivacySettingsInput, actor: { userId: string | null; name: string }) {
  const before = await getOrgSettings(trx);
  const declineWords = Object.fromEntries(DECLINE_STAGES.map((s) => [s, input[`words_${s}`].trim()]).filter(([, words]) => words));
  const next = {
    retentionMonths: input.retentionMonths,
    retentionMonthsFutureJobs: input.retentionMonthsFutureJobs,
    staffRetentionMonths: input.staffRetentionMonths,
    declineWords,
  };
  await saveOrgSettings(trx, next);
  const change = changedFields(
    {
      retentionMonths: before.retentionMonths,
      retentionMonthsFutureJobs: before.retentionMonthsFutureJobs,
      staffRetentionMonths: before.staffRetentionMonths,
      declineWords: before.declineWords,
    },
    next,
  );
  if (change)
    await recordAudit(trx, {
      actor,
      kind: "settings",
      action: "settings.privacy",
      summary: "Changed the data and privacy settings",
      ...change,
    });
}
