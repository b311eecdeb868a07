import type { Tx } from "#db/client.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { gatherPersonIds, PERSONAL_DATA } from "./personal-data.server.js";
import { PrivacyError } from "./privacy.errors.js";

export type ExportAudience = "candidate" | "staff";
export type ExportSection = { table: string; title: string; rows: Record<string, unknown>[] };
export type PersonalDataExport = { exportedAt: string; organisation: string; audience: ExportAudience; sections: ExportSection[] };

/**
 * Everything the organisation holds about one candidate, across all their applications there.
 * The candidate's own copy leaves out staff's notes and the team's votes; the staff copy (for a
 * subject access request) is complete.
 */
export async function exportPersonalData(trx: Tx, candidateId: string, audience: ExportAudience): Promise<PersonalDataExport> {
  const candidate = await trx.selectFrom("candidates").select(["id", "erasedAt"]).where("id", "=", candidateId).executeTakeFirst();
  if (!candidate) throw new PrivacyError("not_found", "We could not find that person.");
  const org = await trx.selectFrom("organisations").select("name").where("id", "=", sqlCurrentOrg(trx)).executeTakeFirst();
  const ids = await gatherPersonIds(trx, candidateId);
  const sections: ExportSection[] = [];
  for (const [table, coverage] of Object.entries(PERSONAL_DATA)) {
    const exp = coverage.export;
    if ("none" in exp) continue;
    if (exp.to === "staff" && audience !== "staff") continue;
    const rows = exp.to === "split" && audience === "staff" ? exp.staffRows : exp.rows;
    sections.push({ table, title: exp.title, rows: await rows(trx, ids) });
  }
  return { exportedAt: new Date().toISOString(), organisation: org?.name ?? "", audience, sections };
}

/** A lead's export for a subject access request: complete, and on the audit log. */
export async function exportForRequest(trx: Tx, candidateId: string, actor: { userId: string | null; name: string }) {
  const data = await exportPersonalData(trx, candidateId, "staff");
  await recordAudit(trx, {
    actor,
    kind: "candidate",
    action: "candidate.exported",
    subjectId: candidateId,
    summary: "Exported a candidate's personal data",
  });
  return data;
}

function sqlCurrentOrg(trx: Tx) {
  return trx.selectNoFrom((eb) => eb.fn<string>("current_org_id", []).as("id"));
}
