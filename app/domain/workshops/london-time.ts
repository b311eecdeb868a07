import { dateFormat, formatUk, LONG_DATE, UK_ZONE } from "../dates.js";

// Workshops are planned and shown in UK time, and stored in UTC.
export const ZONE = UK_ZONE;

/** Minutes London is ahead of UTC at `instant` (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: Date) {
  const parts = dateFormat({
    timeZone: ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The UTC instant of a London wall-clock date ("2026-03-29") and time ("10:30"). */
export function londonToUtc(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  const naive = Date.UTC(y, m - 1, d, h, min);
  // The offset at the naive instant is right except within an hour of a change: check once more.
  const first = naive - londonOffsetMinutes(new Date(naive)) * 60_000;
  return new Date(naive - londonOffsetMinutes(new Date(first)) * 60_000);
}

export function formatLondonDate(instant: Date | string) {
  return formatUk(instant, { weekday: "long", ...LONG_DATE }).replace(",", "");
}

/** "9:30am", "12:30pm", "12:05am". */
export function formatLondonTime(instant: Date | string) {
  // NOTE: `hour12: true` with en-GB counts hours 0-11 ("0:30pm"); the h12 cycle counts 1-12.
  return formatUk(instant, { hour: "numeric", minute: "2-digit", hourCycle: "h12" }).replace(" ", "");
}

/** "Tuesday 1 December 2026, 9:30am to 1:00pm" */
export function formatLondonSlot(start: Date | string, end: Date | string) {
  return `${formatLondonDate(start)}, ${formatLondonTime(start)} to ${formatLondonTime(end)}`;
}
