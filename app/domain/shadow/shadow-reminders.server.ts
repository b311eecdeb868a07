import { sql } from "kysely";
import type { DB } from "#db/client.js";
import type { DelayedJob, OrgRunner, ShadowReminderJob, UseCaseContext } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";

/** "24h": a reminder to both sides the day before. "after": when it ends, the host is asked for feedback and the candidate to reflect. */
export type ShadowReminder = ShadowReminderJob["which"];
const WHICH: ShadowReminder[] = ["24h", "after"];
const DAY = 86_400_000;
/** After-shift emails are not sent once the shift ended this long ago. */
const FOLLOW_UP_DAYS = 7;

/** Stable per shift and sequence: a moved shift (sequence bumped) gets new jobs, and the old ones are skipped. */
export const shadowReminderKey = (shiftId: string, sequence: number, which: ShadowReminder) =>
  `shadow-reminder-${shiftId}-${sequence}-${which}`;

export function planShadowReminders(
  orgId: string,
  shift: { shiftId: string; sequence: number; startsAt: Date; endsAt: Date },
): DelayedJob[] {
  return WHICH.map((which) => ({
    name: "send-shadow-reminder",
    data: { orgId, shiftId: shift.shiftId, sequence: shift.sequence, which },
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
  ctx: UseCaseContext,
  shiftId: string,
  sequence: number,
  which: ShadowReminder,
  now = new Date(),
): Promise<number> {
  const { trx } = ctx;
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
  if (shift?.status !== "confirmed" || shift.sequence !== sequence || (shift.stage !== "shadow" && shift.stage !== "vote")) return 0;
  const startsAt = new Date(shift.startsAt);
  const endsAt = new Date(shift.endsAt);
  const key = shadowReminderKey(shiftId, sequence, which);
  const sent: boolean[] = [];
  const { applicationId } = shift;
  if (which === "24h") {
    if (now < new Date(startsAt.getTime() - DAY) || now >= startsAt) return 0;
    sent.push(
      await sendOnceAfterCommit(ctx, `${key}-candidate`, { kind: "shadow-candidate", applicationId, shiftId, variant: "reminder" }),
    );
    sent.push(await sendOnceAfterCommit(ctx, `${key}-host`, { kind: "shadow-host", applicationId, shiftId, variant: "reminder" }));
  } else {
    if (now < endsAt || now >= new Date(endsAt.getTime() + FOLLOW_UP_DAYS * DAY)) return 0;
    const [feedback, reflection] = await Promise.all([
      trx.selectFrom("shadowFeedback").select("id").where("shiftId", "=", shiftId).executeTakeFirst(),
      trx.selectFrom("shadowReflections").select("id").where("shiftId", "=", shiftId).executeTakeFirst(),
    ]);
    if (!feedback)
      sent.push(await sendOnceAfterCommit(ctx, `${key}-host`, { kind: "shadow-host", applicationId, shiftId, variant: "feedback" }));
    if (!reflection) {
      sent.push(
        await sendOnceAfterCommit(ctx, `${key}-candidate`, { kind: "shadow-candidate", applicationId, shiftId, variant: "reflect" }),
      );
    }
  }
  return sent.filter(Boolean).length;
}

/** A shift was confirmed: its reminder and follow-up jobs are added after commit. */
export function scheduleShadowReminders(
  ctx: UseCaseContext,
  orgId: string,
  shift: { shiftId: string; sequence: number; startsAt: Date; endsAt: Date },
) {
  ctx.after.addJobs(planShadowReminders(orgId, shift));
}

/** A sequence that no longer holds (moved or cancelled): its jobs go after commit (they would be skipped anyway). */
export function cancelShadowReminders(ctx: UseCaseContext, shiftId: string, sequence: number) {
  ctx.after.removeJobs(WHICH.map((which) => shadowReminderKey(shiftId, sequence, which)));
}

/** The sweep: reminders and follow-ups whose delayed jobs Redis lost, re-created from PostgreSQL. */
export async function sweepShadowReminders(db: DB, run: OrgRunner, now = new Date()) {
  const { rows } = await sql<{ orgId: string; shiftId: string; sequence: number }>`
    select * from shadow_reminder_candidates(${1000})`.execute(db);
  let queued = 0;
  for (const row of rows) {
    await run(row.orgId, async (ctx) => {
      for (const which of WHICH) queued += await queueShadowReminderIfDue(ctx, row.shiftId, row.sequence, which, now);
    });
  }
  return queued;
}
