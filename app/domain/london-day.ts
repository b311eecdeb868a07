import { ZONE } from "./workshops/london-time.js";
import { dateFormat } from "./dates.js";

// Its own module (not in london-time.ts), so the candidate pages that format workshop times do not
// carry it: their JavaScript is within a few hundred bytes of the 100 KiB budget.

/** The UK calendar date of `instant`, "2026-11-26". */
export function londonDay(instant: Date = new Date()) {
  return dateFormat({ timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }, "en-CA").format(instant);
}
