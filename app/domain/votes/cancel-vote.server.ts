import type { Tx } from "#db/client.js";

/**
 * The application left the vote step while the vote was open (the candidate withdrew, or the
 * lead declined): the vote stops with no result and nobody is told an outcome. Called by
 * moveApplication in the same transaction.
 */
export async function cancelOpenVote(trx: Tx, applicationId: string) {
  await trx
    .updateTable("votes")
    .set({ status: "closed", outcome: "cancelled", closedAt: new Date() })
    .where("applicationId", "=", applicationId)
    .where("status", "=", "open")
    .execute();
}
