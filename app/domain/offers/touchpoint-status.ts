import type { CheckinAnswer, TouchpointKind } from "#db/schema.js";
import { CHECKIN_ANSWERS } from "./touchpoint-options.js";

/** A buddy call not marked done this many days after it was due reads "Overdue". */
export const BUDDY_CALL_OVERDUE_DAYS = 7;
const DAY = 86_400_000;

type Touchpoint = {
  kind: TouchpointKind;
  seq: number;
  dueAt: Date | string;
  sentAt: Date | string | null;
  doneAt: Date | string | null;
  repliedAt: Date | string | null;
  answer: CheckinAnswer | null;
  note: string;
  cancelledAt: Date | string | null;
};

export type TouchpointState = "planned" | "sent" | "answered" | "to_do" | "overdue" | "done" | "cancelled";

/**
 * One contact of the keep-in-touch plan as staff read it: what it is, and where it has got to.
 * Pure (unit-tested): `now` decides whether a buddy call is still to do or overdue.
 */
export function describeTouchpoint(t: Touchpoint, now: Date) {
  const what = t.kind === "kit" ? `Week ${t.seq} email` : t.kind === "buddy_call" ? `Buddy call, week ${t.seq}` : `Check-in, day ${t.seq}`;
  const due = new Date(t.dueAt).getTime();
  let state: TouchpointState;
  let text: string;
  if (t.cancelledAt) [state, text] = ["cancelled", "Cancelled"];
  else if (t.kind === "buddy_call") {
    if (t.doneAt) [state, text] = ["done", "Done"];
    else if (due > now.getTime()) [state, text] = ["planned", "Planned"];
    else if (now.getTime() - due > BUDDY_CALL_OVERDUE_DAYS * DAY) [state, text] = ["overdue", "Overdue: not marked as done"];
    else [state, text] = ["to_do", "To do this week"];
  } else if (t.repliedAt) {
    const answer = t.answer ? CHECKIN_ANSWERS[t.answer] : "Got it";
    [state, text] = ["answered", `Answered: ${answer}`];
  } else if (t.sentAt) [state, text] = ["sent", t.kind === "checkin" ? "Sent, no answer yet" : "Sent"];
  else [state, text] = ["planned", "Planned"];
  return { what, state, text, note: t.note || null };
}
