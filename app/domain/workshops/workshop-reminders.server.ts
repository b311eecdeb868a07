import { sql } from "kysely";
import type { DB } from "#db/client.js";
import type { OrgRunner, UseCaseContext, WorkshopReminderJob } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";

/** Reminders before a workshop: 48 hours and 2 hours before the start. */
export const WORKSHOP_REMINDERS = { "48h": 48, "2h": 2 } as const;
export type WorkshopReminder = keyof typeof WORKSHOP_REMINDERS;

export const workshopReminderKey = (bookingId: string, which: WorkshopReminder) => `workshop-reminder-${bookingId}-${which}`;

/** The delayed jobs for a booking, each with its stable id (one per booking: a new date is a new booking). */
export function planWorkshopReminders(orgId: string, bookingId: string, startsAt: Date) {
  return (Object.keys(WORKSHOP_REMINDERS) as WorkshopReminder[]).map((which) => ({
    name: "send-workshop-reminder" as const,
    data: { orgId, bookingId, which } satisfies WorkshopReminderJob,
    jobId: workshopReminderKey(bookingId, which),
    dueAt: new Date(startsAt.getTime() - WORKSHOP_REMINDERS[which] * 3_600_000),
  }));
}

/**
 * Queues a reminder's email if it is due and still wanted: the booking is live and the workshop
 * has not started. The dedupe key makes the job, a retry and the sweep send it once at most.
 */
export async function queueWorkshopReminderIfDue(
  ctx: UseCaseContext,
  bookingId: string,
  which: WorkshopReminder,
  now = new Date(),
): Promise<boolean> {
  const booking = await ctx.trx
    .selectFrom("workshopBookings")
    .innerJoin("workshops", "workshops.id", "workshopBookings.workshopId")
    .select(["workshopBookings.status", "workshops.startsAt", "workshops.status as workshopStatus"])
    .where("workshopBookings.id", "=", bookingId)
    .executeTakeFirst();
  if (booking?.status !== "booked" || booking.workshopStatus !== "scheduled") return false;
  const startsAt = new Date(booking.startsAt);
  const dueAt = new Date(startsAt.getTime() - WORKSHOP_REMINDERS[which] * 3_600_000);
  if (now < dueAt || now >= startsAt) return false;
  // Inside the last 2 hours the 48-hour reminder is pointless: the 2-hour one says it all.
  if (which === "48h" && now >= new Date(startsAt.getTime() - WORKSHOP_REMINDERS["2h"] * 3_600_000)) return false;
  return sendOnceAfterCommit(ctx, workshopReminderKey(bookingId, which), { kind: "workshop-reminder", bookingId, which });
}

/** Plans a new booking's reminders after the commit. */
export function scheduleWorkshopReminders(ctx: UseCaseContext, booking: { orgId: string; id: string }, startsAt: Date) {
  ctx.after.addJobs(planWorkshopReminders(booking.orgId, booking.id, startsAt));
}

/** A booking that no longer stands: its reminder jobs go (each re-checks the booking anyway). */
export function cancelWorkshopReminders(ctx: UseCaseContext, bookingId: string) {
  ctx.after.removeJobs((Object.keys(WORKSHOP_REMINDERS) as WorkshopReminder[]).map((which) => workshopReminderKey(bookingId, which)));
}

/** The sweep: reminders whose delayed jobs Redis lost, re-created from PostgreSQL. Returns how many it queued. */
export async function sweepWorkshopReminders(db: DB, run: OrgRunner, now = new Date()) {
  const { rows } = await sql<{ orgId: string; bookingId: string }>`select * from workshop_reminder_candidates(${1000})`.execute(db);
  let queued = 0;
  for (const row of rows) {
    await run(row.orgId, async (ctx) => {
      for (const which of Object.keys(WORKSHOP_REMINDERS) as WorkshopReminder[]) {
        if (await queueWorkshopReminderIfDue(ctx, row.bookingId, which, now)) queued++;
      }
    });
  }
  return queued;
}
