import ICAL from "ical.js";
import { afterAll, describe, expect, it } from "vitest";
import { cancelShiftByCandidate } from "#app/domain/shadow/cancel-shift.server.js";
import { composeShadowEmail } from "#app/domain/email/compose-shadow.server.js";
import { loader as calendarLoader } from "#app/routes/me_.shadow.$applicationId.calendar[.]ics.js";
import type { OutboxRow } from "#db/schema.js";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { candidateCookie, insertHost, insertShadowApplications, insertShift } from "#tests/factories/shadow.js";
import { caught } from "#tests/support/caught.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

const ctx = { appUrl: "http://localhost", orgName: "Oakfield Home Care" };

/** The single event of a calendar file, and its METHOD. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no event in the calendar file");
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    summary: event.getFirstPropertyValue("summary"),
    description: String(event.getFirstPropertyValue("description") ?? ""),
    status: event.getFirstPropertyValue("status"),
  };
}

async function confirmedShift() {
  const org = await insertOrg("Oakfield Home Care");
  const host = await insertHost(org.orgId, org.teamId, "Grace Lee");
  const [me] = await insertShadowApplications(org.orgId, org.vacancyId, 1);
  const startsAt = new Date(Date.now() + 3 * 86_400_000);
  const shift = await insertShift(org.orgId, {
    teamId: org.teamId,
    hostMemberId: host.memberId,
    applicationId: me.applicationId,
    startsAt,
  });
  return { org, me, shift, startsAt, cookie: await candidateCookie(org.orgId, me.candidateId) };
}

const compose = (orgId: string, kind: "shadow-candidate" | "shadow-host", payload: Record<string, string>) =>
  withOrg(ownerDb(), orgId, (trx) => composeShadowEmail(trx, { id: "test", orgId, kind, payload } as unknown as OutboxRow, ctx));

describe("a shadow shift's calendar file", () => {
  it("the candidate downloads their confirmed shift with the visit; the host's email carries the same UID", async () => {
    const s = await confirmedShift();
    const response = (await calendarLoader({
      request: new Request(`http://localhost/me/shadow/${s.me.applicationId}/calendar.ics`, { headers: { Cookie: s.cookie } }),
      params: { applicationId: s.me.applicationId },
      context: {},
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const file = parse(await response.text());
    expect(file).toMatchObject({
      method: "PUBLISH",
      uid: `shadow-${s.shift.shiftId}@circlehire`,
      sequence: 0,
      start: s.startsAt.toISOString().replace(/\.\d{3}Z$/, ".000Z"),
      summary: "Oakfield Home Care: shadow shift with Grace",
      status: "CONFIRMED",
    });
    expect(file.description).toContain("Mrs B, 8 Hill Road");

    const hostEmail = await compose(s.org.orgId, "shadow-host", {
      applicationId: s.me.applicationId,
      shiftId: s.shift.shiftId,
      variant: "confirmed",
    });
    const hostFile = parse(hostEmail?.attachments?.[0].content ?? "");
    expect(hostFile).toMatchObject({ method: "PUBLISH", uid: file.uid, sequence: 0 });
  });

  it("a cancelled shift sends CANCEL for the same UID with a higher SEQUENCE and no visit details; the file is then gone", async () => {
    const s = await confirmedShift();
    await runInOrg(s.org.orgId, (c) => cancelShiftByCandidate(c, s.me.applicationId, s.me.candidateId));
    const email = await compose(s.org.orgId, "shadow-candidate", {
      applicationId: s.me.applicationId,
      shiftId: s.shift.shiftId,
      variant: "cancelled",
    });
    const file = parse(email?.attachments?.[0].content ?? "");
    expect(file).toMatchObject({ method: "CANCEL", uid: `shadow-${s.shift.shiftId}@circlehire`, sequence: 1, status: "CANCELLED" });
    expect(file.description).not.toContain("Hill Road");
    const gone = (await caught(
      calendarLoader({
        request: new Request(`http://localhost/me/shadow/${s.me.applicationId}/calendar.ics`, { headers: { Cookie: s.cookie } }),
        params: { applicationId: s.me.applicationId },
        context: {},
      }),
    )) as Response;
    expect(gone.status).toBe(404);
  });

  it("a proposed time is not put in anyone's calendar, and another candidate cannot download the file", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const host = await insertHost(org.orgId, org.teamId);
    const [me, other] = await insertShadowApplications(org.orgId, org.vacancyId, 2);
    const shift = await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: host.memberId,
      applicationId: me.applicationId,
      status: "proposed",
      startsAt: new Date(Date.now() + 3 * 86_400_000),
    });
    const email = await compose(org.orgId, "shadow-candidate", {
      applicationId: me.applicationId,
      shiftId: shift.shiftId,
      variant: "proposed",
    });
    expect(email?.attachments).toBeUndefined();
    const otherCookie = await candidateCookie(org.orgId, other.candidateId);
    const refused = (await caught(
      calendarLoader({
        request: new Request(`http://localhost/me/shadow/${me.applicationId}/calendar.ics`, { headers: { Cookie: otherCookie } }),
        params: { applicationId: me.applicationId },
        context: {},
      }),
    )) as Response;
    expect(refused.status).toBe(404);
  });
});
