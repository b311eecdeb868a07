import { sql } from "kysely";
import type { DB } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import type { OutboxRef } from "#app/domain/after-commit.js";
import { enqueueEmails } from "./queues.js";
import { getLogger } from "#app/utils/logger.server.js";

/**
 * Hands committed outbox rows to the queue. Best effort: when Redis is unreachable the rows stay
 * pending and the worker's relay enqueues them later, so callers never fail because of Redis.
 */
export async function relayOutbox(db: DB, refs: OutboxRef[], enqueue = enqueueEmails): Promise<boolean> {
  if (!refs.length) return true;
  try {
    await enqueue(refs.map((r) => ({ outboxId: r.id, orgId: r.orgId })));
  } catch (error) {
    getLogger().warn({ err: error, emails: refs.length }, "outbox: emails left for the relay");
    return false;
  }
  for (const orgId of new Set(refs.map((r) => r.orgId))) {
    const ids = refs.filter((r) => r.orgId === orgId).map((r) => r.id);
    await withOrg(db, orgId, (trx) => trx.updateTable("outbox").set({ enqueuedAt: sql`now()` }).where("id", "in", ids).execute());
  }
  return true;
}
