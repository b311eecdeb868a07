import { type AuditEntry, insertAuditEntry } from "#db/queries/audit.js";
import type { Tx } from "#db/client.js";

export type { AuditEntry };

/**
 * Records one staff change in the organisation's audit log, in the change's own transaction (so a
 * change that rolls back leaves no entry). Only the fields that changed go in `before`/`after`,
 * and people are named by id: the log outlives a candidate's erasure.
 */
export async function recordAudit(trx: Tx, entry: AuditEntry) {
  await insertAuditEntry(trx, entry);
}

/** The fields of `after` whose value differs from `before`, as a before/after pair. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) {
      was[key] = before[key] ?? null;
      now[key] = value;
    }
  }
  return Object.keys(now).length ? { before: was, after: now } : null;
}
