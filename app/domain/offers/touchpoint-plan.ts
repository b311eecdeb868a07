/**
 * The keep-in-touch plan for one offer, as a pure function of its dates (unit-tested):
 * - from acceptance to the start: a keep-in-touch email each week (week n is due n x 7 days after
 *   acceptance, at 10:00 UK time) and, the same day, a task for the buddy to ring them; nothing
 *   on or after the start date;
 * - after the start: wellbeing check-ins on days 7, 30 and 90, at 10:00 UK time.
 */
import { londonDay } from "../london-day.js";
import { londonToUtc } from "../workshops/london-time.js";

export const KIT_TIME = "10:00";
export const CHECKIN_DAYS = [7, 30, 90] as const;
const DAY = 86_400_000;

export type PlannedTouchpoint = { kind: "kit" | "buddy_call" | "checkin"; seq: number; dueAt: Date };

/** A calendar day (YYYY-MM-DD) plus some days. */
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export function planTouchpoints(offer: { acceptedAt: Date | null; startDate: string; startedOn: string | null }): PlannedTouchpoint[] {
  const plan: PlannedTouchpoint[] = [];
  if (offer.acceptedAt) {
    const accepted = londonDay(offer.acceptedAt);
    const lastDay = offer.startedOn && offer.startedOn < offer.startDate ? offer.startedOn : offer.startDate;
    for (let week = 1; ; week++) {
      const day = addDays(accepted, week * 7);
      if (day >= lastDay) break;
      const dueAt = londonToUtc(day, KIT_TIME);
      plan.push({ kind: "kit", seq: week, dueAt }, { kind: "buddy_call", seq: week, dueAt });
    }
  }
  if (offer.startedOn) {
    for (const days of CHECKIN_DAYS)
      plan.push({ kind: "checkin", seq: days, dueAt: londonToUtc(addDays(offer.startedOn, days), KIT_TIME) });
  }
  return plan;
}
