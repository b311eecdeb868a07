import { listKitContent, saveKitContent } from "#db/queries/touchpoints.js";
import type { UseCaseContext } from "../after-commit.js";
import { changedFields, recordAudit } from "../audit/record-audit.server.js";
import { kitMessageFor } from "./kit-content.js";

type KitRow = { week: number; title: string; body: string };

/** Saves the organisation's keep-in-touch words; the weeks that changed go on the audit log. */
export async function saveKeepInTouchWords({ trx }: UseCaseContext, actor: { userId: string; name: string }, rows: KitRow[]) {
  const saved = await listKitContent(trx);
  const words = (list: KitRow[]) => Object.fromEntries(list.map((r) => [`week${r.week}`, { title: r.title, body: r.body }]));
  const before = words(rows.map((r) => ({ ...kitMessageFor(r.week, saved), week: r.week })));
  await saveKitContent(trx, rows);
  const change = changedFields(before, words(rows));
  if (change) {
    await recordAudit(trx, {
      actor,
      kind: "settings",
      action: "settings.keep-in-touch",
      summary: "Changed the keep-in-touch emails",
      ...change,
    });
  }
}
