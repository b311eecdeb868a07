import type { Stage } from "#app/domain/applications/stages.js";
import { withOrg } from "#db/tenant.js";
import { ownerDb } from "./org.js";

/**
 * Puts applications straight at `stage`, as the setup of a test about a later step (no timeline,
 * no emails: the steps before are other tests' business).
 */
export async function advanceTo(orgId: string, applicationIds: string | string[], stage: Stage) {
  const ids = Array.isArray(applicationIds) ? applicationIds : [applicationIds];
  await withOrg(ownerDb(), orgId, (trx) => trx.updateTable("applications").set({ stage }).where("id", "in", ids).execute());
}
