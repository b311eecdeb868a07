import type { Tx } from "../client.js";

/** Who a candidate's emails go to (throws if there is no such candidate). */
export function findCandidateForEmail(trx: Tx, candidateId: string) {
  return trx.selectFrom("candidates").select(["id", "email", "fullName"]).where("id", "=", candidateId).executeTakeFirstOrThrow();
}
