import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { removeJobs, scheduleReminderJobs, type ShadowReminderJob } from "#jobs/queues.js";
import { addToOutboxOnce, type OutboxRef } from "../email/outbox.server.js";
import { getLogger } from "#app/utils/logger.server.js";

/** "24h": a reminder to both sides the day before. "after": when it ends, the host is asked for feedback and the candidate to reflect. */
export type ShadowReminder = ShadowReminderJob["which"];
const WHICH: ShadowReminder[] = ["24h", "after"];
const DAY = 86_400_000;
/** After-shift emails are not sent once the shift ended this long ago. */
const FOLLOW_UP_DAYS = 7;

/** Stable per shift and sequence: a moved shift (sequence bumped) gets new jobs, and the old ones are skipped. */
export const shadowReminderKey = (shiftId: string, sequence: number, which: ShadowReminder) =>
  `shadow-reminder-${shiftId}-${sequence}-${which}`;

export function planShadowReminders(orgId: string, shift: { shiftId: string; sequence: number; startsAt: Date; endsAt: Date }) {
  return WHICH.map((which) => ({
    name: "send-shadow-reminder" as const,
    data: { orgId, shiftId: shift.shiftId, sequence: shift.sequence, which } satisfies ShadowReminderJob,
    jobId: shadowReminderKey(shift.shiftId, shift.sequence, which),
    dueAt: which === "24h" ? new Date(shift.startsAt.getTime() - DAY) : shift.endsAt,
  }));
}

/**
 * Queues a reminder's emails if due and still wanted: the shift is confirmed, not moved since
 * (same sequence), and the application is still at the shadow step. Dedupe keys make the job,
 * a retry and the sweep send each email at most once.
 */
export async function queueShadowReminderIfDue(
  trx: Tx,
  shiftId: string,
  sequence: number,
  which: ShadowReminder,
  now = new Date(),
): Promise<OutboxRef[]> {
  const shift = await trx
    .selectFrom("shadowShifts")
    .innerJoin("applications", "applications.id", "shadowShifts.applicationId")
    .select([
      "shadowShifts.status",
      "shadowShifts.sequence",
      "shadowShifts.startsAt",
      "shadowShifts.endsAt",
      "applications.id as applicationId",
      "applications.stage",
    ])
    .where("shadowShifts.id", "=", shiftId)
    .executeTakeFirst();
  // After the shift the team may already be voting (the host's feedback opens the vote): still ask for reflection.
  if (shift?.status !== "confirmed" || shift.sequence !== sequence || (shift.stage !== "shadow" && shift.stage !== "vote")) return [];
  const startsAt = new Date(shift.startsAt);
  const endsAt = new Date(shift.endsAt);
  const key = shadowReminderKey(shiftId, sequence, which);
  const refs: (OutboxRef | null)[] = [];
  const { applicationId } = shift;
  if (which === "24h") {
    if (now < new Date(startsAt.getTime() - DAY) || now >= startsAt) return [];
    refs.push(await addToOutboxOnce(trx, `${key}-candidate`, { kind: "shadow-candidate", applicationId, shiftId, variant: "reminder" }));
    refs.push(await addToOutboxOnce(trx, `${key}-host`, { kind: "shadow-host", applicationId, shiftId, variant: "reminder" }));
  } else {
    if (now < endsAt || now >= new Date(endsAt.getTime() + FOLLOW_UP_DAYS * DAY)) return [];
    const [feedback, reflection] = await Promise.all([
      trx.selectFrom("shadowFeedback").select("id").where("shiftId", "=", shiftId).executeTakeFirst(),
      trx.selectFrom("shadowReflections").select("id").where("shiftId", "=", shiftId).executeTakeFirst(),
    ]);
    if (!feedback)
      refs.push(await addToOutboxOnce(trx, `${key}-host`, { kind: "shadow-host", applicationId, shiftId, variant: "feedback" }));
    if (!reflection) {
      refs.push(await addToOutboxOnce(trx, `${key}-candidate`, { kind: "shadow-candidate", applicationId, shiftId, variant: "reflect" }));
    }
  }
  return refs.filter((r): r is OutboxRef => r !== null);
}

/** Adds the delayed jobs after a shift is confirmed; Redis being down leaves them to the sweep. */
export async function scheduleShadowReminders(orgId: string, shift: { shiftId: string; sequence: number; startsAt: Date; endsAt: Date }) {
  try {
    await scheduleReminderJobs(planShadowReminders(orgId, shift));
  } catch (error) {
    getLogger().warn({ err: error }, "shadow shift reminders left for the sweep");
  }
}

/** Removes a shift's jobs for a sequence that no longer holds (moved or cancelled); they would be skipped anyway. */
export async function cancelShadowReminders(shiftId: string, sequence: number) {
  try {
    await removeJobs(WHICH.map((which) => shadowReminderKey(shiftId, sequence, which)));
  } catch (error) {
    getLogger().warn({ err: error, shiftId }, "shadow reminders not removed now (they will be skipped)");
  }
}

/** The sweep: reminders and follow-ups whose delayed jobs Redis lost, re-created from PostgreSQL. */
export async function sweepShadowReminders(db: DB, now = new Date()): Promise<OutboxRef[]> {
  const { rows } = await sql<{ orgId: string; shiftId: string; sequence: number }>`
    select * from shadow_reminder_candidates(${1000})`.execute(db);
  const refs: OutboxRef[] = [];
  for (const row of rows) {
    await withOrg(db, row.orgId, async (trx) => {
      for (const which of WHICH) refs.push(...(await queueShadowReminderIfDue(trx, row.shiftId, row.sequence, which, now)));
    });
  }
  return refs;
}
