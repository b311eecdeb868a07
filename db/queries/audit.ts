import type { AuditKind } from "../schema.js";
import type { Tx } from "../client.js";

export type AuditEntry = {
  actor: { userId: string | null; name: string };
  kind: AuditKind;
  action: string;
  subjectId?: string | null;
  summary: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

export async function insertAuditEntry(trx: Tx, entry: AuditEntry) {
  await trx
    .insertInto("auditLog")
    .values({
      actorUserId: entry.actor.userId,
      actorName: entry.actor.name,
      kind: entry.kind,
      action: entry.action,
      subjectId: entry.subjectId ?? null,
      summary: entry.summary,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
    })
    .execute();
}

export type AuditFilter = { actorUserId?: string; kind?: AuditKind; from?: Date; to?: Date; subjectId?: string };

/** Newest first, one page at a time (`beforeId` is the last id of the previous page). */
export function listAuditEntries(trx: Tx, filter: AuditFilter, page: { limit: number; beforeId?: string }) {
  let query = trx
    .selectFrom("auditLog")
    .select(["id", "actorUserId", "actorName", "kind", "action", "subjectId", "summary", "before", "after", "createdAt"])
    .orderBy("id", "desc")
    .limit(page.limit);
  if (filter.actorUserId) query = query.where("actorUserId", "=", filter.actorUserId);
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  if (filter.subjectId) query = query.where("subjectId", "=", filter.subjectId);
  if (filter.from) query = query.where("createdAt", ">=", filter.from);
  if (filter.to) query = query.where("createdAt", "<", filter.to);
  if (page.beforeId) query = query.where("id", "<", page.beforeId);
  return query.execute();
}
