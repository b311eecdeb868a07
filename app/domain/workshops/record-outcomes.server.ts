import type { UseCaseContext } from "../after-commit.js";
import { ApplicationError } from "../applications/application.errors.js";
import { moveApplication } from "../applications/move-application.server.js";

/**
 * The lead's decision after a workshop, for one or several attending candidates at once: move on
 * to a shadow shift, or decline with a reason. Each goes through moveApplication, so the pipeline
 * and the timeline follow; one that has already moved on is reported, not changed.
 */
export async function recordWorkshopOutcomes(
  ctx: UseCaseContext,
  workshopId: string,
  bookingIds: string[],
  decision: { to: "shadow" } | { to: "declined"; reason: string },
  actor: { userId: string; name: string },
) {
  if (!bookingIds.length) return { moved: 0, skipped: 0 };
  const bookings = await ctx.trx
    .selectFrom("workshopBookings")
    .select("applicationId")
    .where("workshopId", "=", workshopId)
    .where("id", "in", bookingIds)
    .where("attendance", "in", ["attended", "late"])
    .execute();
  let moved = 0;
  let skipped = 0;
  for (const booking of bookings) {
    try {
      await moveApplication(ctx, {
        applicationId: booking.applicationId,
        to: decision.to,
        expectedStage: "workshop",
        reason: decision.to === "declined" ? decision.reason : "Moved on after the workshop",
        actor,
      });
      moved++;
    } catch (error) {
      if (!(error instanceof ApplicationError)) throw error;
      skipped++;
    }
  }
  return { moved, skipped };
}
