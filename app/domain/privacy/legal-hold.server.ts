import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { recordAudit } from "../audit/record-audit.server.js";
import { PrivacyError } from "./privacy.errors.js";

type Actor = { userId: string | null; name: string };

/** A lead stops the retention job from erasing this person (a claim, a dispute), with a reason. */
export async function placeLegalHold(trx: Tx, input: { candidateId: string; reason: string; actor: Actor }) {
  const updated = await trx
    .updateTable("candidates")
    .set({ legalHoldAt: sql`now()`, legalHoldReason: input.reason.trim(), legalHoldByName: input.actor.name })
    .where("id", "=", input.candidateId)
    .where("erasedAt", "is", null)
    .executeTakeFirst();
  if (!updated.numUpdatedRows) throw new PrivacyError("not_found", "We could not find that person.");
  await recordAudit(trx, {
    actor: input.actor,
    kind: "candidate",
    action: "candidate.legal-hold",
    subjectId: input.candidateId,
    summary: "Placed a legal hold",
    after: { legalHold: true, reason: input.reason.trim() },
  });
}

export async function liftLegalHold(trx: Tx, input: { candidateId: string; actor: Actor }) {
  const updated = await trx
    .updateTable("candidates")
    .set({ legalHoldAt: null, legalHoldReason: null, legalHoldByName: null })
    .where("id", "=", input.candidateId)
    .where("legalHoldAt", "is not", null)
    .executeTakeFirst();
  if (!updated.numUpdatedRows) return;
  await recordAudit(trx, {
    actor: input.actor,
    kind: "candidate",
    action: "candidate.legal-hold-lifted",
    subjectId: input.candidateId,
    summary: "Lifted a legal hold",
    before: { legalHold: true },
    after: { legalHold: false },
  });
}

/** The hold on this person, if any: when, who and why. */
export function findLegalHold(trx: Tx, candidateId: string) {
  return trx
    .selectFrom("candidates")
    .select(["legalHoldAt", "legalHoldReason", "legalHoldByName"])
    .where("id", "=", candidateId)
    .executeTakeFirstOrThrow();
}
