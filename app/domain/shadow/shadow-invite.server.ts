import type { UseCaseContext } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";

/** An application entering the shadow step: the candidate is invited to choose a shadow shift (once per application). */
export function inviteToShadowShift(ctx: UseCaseContext, applicationId: string) {
  return sendOnceAfterCommit(ctx, `shadow-invite-${applicationId}`, { kind: "shadow-candidate", applicationId, variant: "invite" });
}
