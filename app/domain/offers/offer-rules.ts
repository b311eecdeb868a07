/** Pure rules about offers, shared by the server and the pages (no server imports here). */
import { londonDay } from "../london-day.js";
import { formatLondonDate } from "../workshops/london-time.js";

/** Today's date in the UK, "2026-11-26". */
export const ukToday = (now = new Date()) => londonDay(now);

/** A live offer (waiting for an answer, or accepted and not started yet): its start date and checks can still change. */
export const isLiveOffer = (status: string) => status === "offered" || status === "accepted";

/** The start can be confirmed on or after the start date (UK dates, "YYYY-MM-DD"). */
export const startDateReached = (startDate: string, today: string) => startDate <= today;

/**
 * A no-show can be recorded from the start date on: an offer has a start day, not a time, so from
 * the day itself (the person may simply not have come that morning).
 */
export const noShowMayBeRecorded = (startDate: string, today: string) => startDateReached(startDate, today);

/** A check is stalled when it is still pending or a problem and nothing has changed for more than this. */
export const STALLED_AFTER_DAYS = 10;

export function isStalled(check: { status: string; statusChangedAt: string | Date }, now = new Date()) {
  if (check.status === "done") return false;
  return now.getTime() - new Date(check.statusChangedAt).getTime() > STALLED_AFTER_DAYS * 86_400_000;
}

/** "Monday 4 January 2027" for a date-only value ("2027-01-04"). */
export const formatUkDay = (date: string) => formatLondonDate(`${date}T12:00:00Z`);
