import { sql } from "kysely";
import type { DB, Tx } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { removeJobs, scheduleReminderJobs, type WorkshopReminderJob } from "#jobs/queues.js";
import { addToOutboxOnce, type OutboxRef } from "../email/outbox.server.js";
import { getLogger } from "#app/utils/logger.server.js";

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
  trx: Tx,
  bookingId: string,
  which: WorkshopReminder,
  now = new Date(),
): Promise<OutboxRef | null> {
  const booking = await trx
    .selectFrom("workshopBookings")
    .innerJoin("workshops", "workshops.id", "workshopBookings.workshopId")
    .select(["workshopBookings.status", "workshops.startsAt", "workshops.status as workshopStatus"])
    .where("workshopBookings.id", "=", bookingId)
    .executeTakeFirst();
  if (booking?.status !== "booked" || booking.workshopStatus !== "scheduled") return null;
  const startsAt = new Date(booking.startsAt);
  const dueAt = new Date(startsAt.getTime() - WORKSHOP_REMINDERS[which] * 3_600_000);
  if (now < dueAt || now >= startsAt) return null;
  // Inside the last 2 hours the 48-hour reminder is pointless: the 2-hour one says it all.
  if (which === "48h" && now >= new Date(startsAt.getTime() - WORKSHOP_REMINDERS["2h"] * 3_600_000)) return null;
  return addToOutboxOnce(trx, workshopReminderKey(bookingId, which), { kind: "workshop-reminder", bookingId, which });
}

export async function scheduleWorkshopReminders(orgId: string, bookingId: string, startsAt: Date) {
  try {
    await scheduleReminderJobs(planWorkshopReminders(orgId, bookingId, startsAt));
  } catch (error) {
    getLogger().warn({ err: error }, "workshop reminders left for the sweep");
  }
}

export async function cancelWorkshopReminders(bookingId: string) {
  try {
    await removeJobs((Object.keys(WORKSHOP_REMINDERS) as WorkshopReminder[]).map((which) => workshopReminderKey(bookingId, which)));
  } catch (error) {
    getLogger().warn({ err: error, bookingId }, "workshop reminders not removed now (they will be skipped)");
  }
}

/** The sweep: reminders whose delayed jobs Redis lost, re-created from PostgreSQL. */
export async function sweepWorkshopReminders(db: DB, now = new Date()): Promise<OutboxRef[]> {
  const { rows } = await sql<{ orgId: string; bookingId: string }>`select * from workshop_reminder_candidates(${1000})`.execute(db);
  const refs: OutboxRef[] = [];
  for (const row of rows) {
    await withOrg(db, row.orgId, async (trx) => {
      for (const which of Object.keys(WORKSHOP_REMINDERS) as WorkshopReminder[]) {
        const ref = await queueWorkshopReminderIfDue(trx, row.bookingId, which, now);
        if (ref) refs.push(ref);
      }
    });
  }
  return refs;
}
