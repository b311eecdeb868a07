import type { Tx } from "#db/client.js";
import { findLatestShiftForApplication } from "#db/queries/shadow.js";

/**
 * The one rule for a client's address: a candidate sees a shift's visit details only while that
 * shift is confirmed for their own application. The candidate's page (`findCandidateShift`) and
 * every candidate email (`compose-shadow.server.ts`) ask it.
 */
export function visitDetailsForCandidate(
  shift: { status: string; applicationId: string | null; visitDetails: string },
  applicationId: string,
) {
  return shift.status === "confirmed" && shift.applicationId === applicationId && shift.visitDetails ? shift.visitDetails : null;
}

/** The candidate's latest shadow shift for their application, with the visit details withheld unless they may see them. */
export async function findCandidateShift(trx: Tx, applicationId: string) {
  const shift = await findLatestShiftForApplication(trx, applicationId);
  return shift ? { ...shift, visitDetails: visitDetailsForCandidate(shift, applicationId) } : undefined;
}
