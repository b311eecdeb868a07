import { describe, expect, it } from "vitest";
import { describeTouchpoint } from "./touchpoint-status.js";

const base = { seq: 2, sentAt: null, doneAt: null, repliedAt: null, answer: null, note: "", cancelledAt: null };
const now = new Date("2026-12-10T12:00:00Z");

describe("a keep-in-touch contact as staff read it", () => {
  it("a buddy call is planned, then to do in its week, then overdue, until it is marked done", () => {
    const call = { ...base, kind: "buddy_call" as const };
    expect(describeTouchpoint({ ...call, dueAt: "2026-12-11T10:00:00Z" }, now)).toMatchObject({
      what: "Buddy call, week 2",
      state: "planned",
    });
    expect(describeTouchpoint({ ...call, dueAt: "2026-12-08T10:00:00Z" }, now)).toMatchObject({ state: "to_do", text: "To do this week" });
    expect(describeTouchpoint({ ...call, dueAt: "2026-12-01T10:00:00Z" }, now)).toMatchObject({ state: "overdue" });
    expect(
      describeTouchpoint({ ...call, dueAt: "2026-12-01T10:00:00Z", doneAt: "2026-12-09T10:00:00Z", note: "Nervous about driving" }, now),
    ).toMatchObject({
      state: "done",
      note: "Nervous about driving",
    });
  });

  it("an email is planned, sent, then answered with the person's words; a cancelled one says so", () => {
    const kit = { ...base, kind: "kit" as const, dueAt: "2026-12-08T10:00:00Z" };
    expect(describeTouchpoint(kit, now)).toMatchObject({ what: "Week 2 email", state: "planned" });
    expect(describeTouchpoint({ ...kit, sentAt: "2026-12-08T10:00:01Z" }, now)).toMatchObject({ state: "sent", text: "Sent" });
    expect(describeTouchpoint({ ...kit, sentAt: "2026-12-08T10:00:01Z", repliedAt: "2026-12-08T12:00:00Z" }, now).text).toBe(
      "Answered: Got it",
    );
    const checkin = { ...base, kind: "checkin" as const, seq: 30, dueAt: "2026-12-08T10:00:00Z", sentAt: "2026-12-08T10:00:01Z" };
    expect(describeTouchpoint(checkin, now)).toMatchObject({ what: "Check-in, day 30", text: "Sent, no answer yet" });
    expect(describeTouchpoint({ ...checkin, repliedAt: "2026-12-09T09:00:00Z", answer: "worried" }, now).text).toBe(
      "Answered: I am worried about something",
    );
    expect(describeTouchpoint({ ...kit, cancelledAt: "2026-12-05T09:00:00Z" }, now)).toMatchObject({ state: "cancelled" });
  });
});
