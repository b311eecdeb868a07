import { londonToUtc } from "../workshops/london-time.js";
import { ShadowError } from "./shadow.errors.js";
import type { ShiftInput } from "./shadow.schema.js";

/** The shift's UTC start and end from the UK date and times typed; refuses one in the past. */
export function shiftTimes(input: Pick<ShiftInput, "date" | "startTime" | "endTime">, now = new Date()) {
  const startsAt = londonToUtc(input.date, input.startTime);
  const endsAt = londonToUtc(input.date, input.endTime);
  if (startsAt <= now) throw new ShadowError("too_late", "Choose a time in the future.");
  return { startsAt, endsAt };
}
