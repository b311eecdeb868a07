import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import type { OutboxRef, UseCaseContext } from "../after-commit.js";

export type { OutboxRef };

export type OutboxMessage =
  | { kind: "application-received"; applicationId: string }
  | { kind: "application-duplicate"; applicationId: string }
  | { kind: "application-declined"; applicationId: string; stage: string; personalLine: string }
  | { kind: "application-withdrawn"; applicationId: string }
  | { kind: "candidate-sign-in"; candidateId: string; nextPath: string }
  | { kind: "staff-confirm-email"; userId: string }
  | { kind: "staff-reset-password"; userId: string }
  | { kind: "staff-password-changed"; userId: string }
  | { kind: "staff-invitation"; invitationId: string }
  | { kind: "survey-reminder"; applicationId: string; reminder: number }
  | { kind: "member-survey-invite"; teamMemberId: string }
  | { kind: "workshop-booked"; bookingId: string }
  | { kind: "workshop-cancelled"; bookingId: string }
  | { kind: "workshop-reminder"; bookingId: string; which: "48h" | "2h" }
  | { kind: "workshop-no-show"; bookingId: string }
  | { kind: "waitlist-offer"; entryId: string }
  | { kind: "workshop-low-numbers"; workshopId: string; userId: string }
  | { kind: "vote-opened"; voteId: string; teamMemberId: string }
  | { kind: "vote-reminder"; voteId: string; teamMemberId: string }
  | { kind: "vote-recorded"; voteId: string; teamMemberId: string }
  | { kind: "vote-cancelled"; voteId: string; teamMemberId: string }
  | { kind: "vote-outcome"; voteId: string; userId?: string; teamMemberId?: string }
  | { kind: "vote-candidate-message"; voteId: string; fromName: string }
  | { kind: "team-mix-digest"; userId: string; week: string }
  | { kind: "retention-report"; userId: string; day: string; erased: number; staffErased?: number }
  | { kind: "touchpoint"; touchpointId: string; to: "person" | "buddy" }
  | { kind: "offer-alert"; offerId: string; userId: string; variant: "no-show" | "worried"; touchpointId?: string }
  | { kind: "offer-candidate"; offerId: string; variant: "made" | "moved" }
  | { kind: "offer-lead"; offerId: string; userId: string; variant: "accepted" | "declined" | "withdrawn" }
  | {
      kind: "shadow-candidate";
      applicationId: string;
      shiftId?: string;
      variant: "invite" | "proposed" | "moved" | "confirmed" | "cancelled" | "reminder" | "reflect";
    }
  | { kind: "shadow-host"; applicationId: string; shiftId: string; variant: "confirmed" | "cancelled" | "reminder" | "feedback" };

/** Records an email in the same transaction as the change that causes it (`sendAfter`: not before then). */
export async function addToOutbox(trx: Tx, message: OutboxMessage, sendAfter: Date | null = null): Promise<OutboxRef> {
  const { kind, ...payload } = message;
  return trx
    .insertInto("outbox")
    .values({ kind, payload: JSON.stringify(payload), sendAfter })
    .returning(["id", "orgId"])
    .executeTakeFirstOrThrow();
}

/** Like addToOutbox, for an email that must exist at most once: null if `dedupeKey` was used before. */
export async function addToOutboxOnce(trx: Tx, dedupeKey: string, message: OutboxMessage): Promise<OutboxRef | null> {
  const { kind, ...payload } = message;
  const row = await trx
    .insertInto("outbox")
    .values({ kind, payload: JSON.stringify(payload), dedupeKey })
    .onConflict((oc) => oc.columns(["orgId", "dedupeKey"]).where("dedupeKey", "is not", null).doNothing())
    .returning(["id", "orgId"])
    .executeTakeFirst();
  return row ?? null;
}

/** Writes an email to the outbox and records it for the relay after commit. */
export async function sendAfterCommit(ctx: UseCaseContext, message: OutboxMessage): Promise<void> {
  ctx.after.emails([await addToOutbox(ctx.trx, message)]);
}

/**
 * An email that waits until `at`: written now, in this transaction, and left by the relay until
 * then (the worker's relay picks it up within seconds of `at`, from PostgreSQL, so nothing is lost
 * if Redis restarts meanwhile).
 */
export async function sendLater(ctx: UseCaseContext, message: OutboxMessage, at: Date): Promise<void> {
  await addToOutbox(ctx.trx, message, at);
}

/** Like sendAfterCommit, at most once per `dedupeKey`: false if that email was written before. */
export async function sendOnceAfterCommit(ctx: UseCaseContext, dedupeKey: string, message: OutboxMessage): Promise<boolean> {
  const ref = await addToOutboxOnce(ctx.trx, dedupeKey, message);
  ctx.after.emails([ref]);
  return ref !== null;
}

/** The relay's sweep: every pending email of every organisation, oldest first. */
export async function listPendingOutbox(db: DB, limit = 200): Promise<OutboxRef[]> {
  const { rows } = await sql<OutboxRef>`select id, org_id from outbox_pending(${limit})`.execute(db);
  return rows;
}
