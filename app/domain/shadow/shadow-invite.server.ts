import type { Tx } from "#db/client.js";
import { addToOutboxOnce } from "../email/outbox.server.js";

/**
 * An application entering the shadow step: the candidate is invited to choose a shadow shift
 * (once per application; the worker's relay sends it after the move commits).
 */
export function inviteToShadowShift(trx: Tx, applicationId: string) {
  return addToOutboxOnce(trx, `shadow-invite-${applicationId}`, { kind: "shadow-candidate", applicationId, variant: "invite" });
}
