import { sql } from "kysely";
import type { Attendance } from "#db/schema.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendOnceAfterCommit } from "../email/outbox.server.js";

/**
 * Records who came. A no-show frees their booking (so they can book another date) and gets one
 * kind email offering another date: the dedupe key stops a second one if the page is saved again.
 */
export async function recordAttendance(
  ctx: UseCaseContext,
  workshopId: string,
  marks: Record<string, Attendance>,
): Promise<{ noShowsEmailed: number; notChanged: string[] }> {
  const { trx } = ctx;
  const bookings = await trx
    .selectFrom("workshopBookings")
    .select(["id", "attendance", "applicationId"])
    .where("workshopId", "=", workshopId)
    .where((eb) => eb.or([eb("status", "=", "booked"), eb("attendance", "=", "no_show")]))
    .execute();
  let noShowsEmailed = 0;
  const notChanged: string[] = [];
  for (const booking of bookings) {
    const mark = marks[booking.id];
    if (!mark || mark === booking.attendance) continue;
    if (booking.attendance === "no_show") {
      // Correcting a no-show: impossible once they have booked another date.
      const rebooked = await trx
        .selectFrom("workshopBookings")
        .select("id")
        .where("applicationId", "=", booking.applicationId)
        .where("status", "=", "booked")
        .executeTakeFirst();
      if (rebooked) {
        notChanged.push(booking.id);
        continue;
      }
    }
    await trx
      .updateTable("workshopBookings")
      .set({
        attendance: mark,
        attendanceRecordedAt: sql`now()`,
        status: mark === "no_show" ? "cancelled" : "booked",
        cancelledAt: mark === "no_show" ? sql`now()` : null,
      })
      .where("id", "=", booking.id)
      .execute();
    if (mark === "no_show") {
      if (await sendOnceAfterCommit(ctx, `workshop-no-show-${booking.id}`, { kind: "workshop-no-show", bookingId: booking.id }))
        noShowsEmailed++;
    }
  }
  return { noShowsEmailed, notChanged };
}
