import { caught } from "#tests/support/caught.js";
import ICAL from "ical.js";
import { afterAll, describe, expect, it } from "vitest";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { startSession } from "#app/utils/session.server.js";
import { action as bookingAction, loader as bookingLoader } from "#app/routes/me_.workshop.$applicationId.js";
import { loader as calendarLoader } from "#app/routes/me_.workshop.$applicationId.calendar[.]ics.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";

afterAll(closeOwnerDb);

const mailbox = () => process.env.RESEND_BASE_URL as string;

async function candidateCookie(orgId: string, candidateId: string) {
  return (await withOrg(ownerDb(), orgId, (trx) => startSession(trx, { candidateId }))).split(";")[0];
}

const eventOf = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    method: calendar.getFirstPropertyValue("method"),
    event: new ICAL.Event(calendar.getFirstSubcomponent("vevent") as ICAL.Component),
  };
};

describe("booking from the candidate's page", () => {
  it("books, emails a calendar file that parses, offers the same file, and cancels it", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const workshopId = await insertWorkshop(org.orgId, org.teamId, { capacity: 2 });
    const other = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 14 });
    const [me] = await insertInvitedApplications(org.orgId, org.vacancyId, 1);
    const cookie = await candidateCookie(org.orgId, me.candidateId);
    const url = `http://localhost/me/workshop/${me.applicationId}`;
    const params = { applicationId: me.applicationId };

    const page = await bookingLoader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} });
    expect(page.workshops.map((w) => [w.id, w.seatsLeft])).toEqual([
      [workshopId, 2],
      [other, 25],
    ]);

    const missing = (await bookingAction({
      request: new Request(url, {
        method: "POST",
        headers: { Cookie: cookie },
        body: new URLSearchParams({ intent: "book", adjustments: "" }),
      }),
      params,
      context: {},
    })) as Response;
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ fieldErrors: { workshopId: "Choose a date" } });

    const booked = (await bookingAction({
      request: new Request(url, {
        method: "POST",
        headers: { Cookie: cookie },
        body: new URLSearchParams({ intent: "book", workshopId, adjustments: "A seat near the door" }),
      }),
      params,
      context: {},
    })) as Response;
    expect(booked.headers.get("Location")).toBe(`/me/workshop/${me.applicationId}?booked=1`);

    const outbox = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("outbox").select(["id", "kind"]).where("kind", "like", "workshop-%").execute(),
    );
    for (const row of outbox) await deliverOutboxEmail(getDb(), org.orgId, row.id);
    const [email] = await fetchCaptured(mailbox(), me.email);
    expect(email.subject).toMatch(/^Your workshop place: \w+day \d{1,2} \w+ \d{4}, /);
    expect(email.attachments).toHaveLength(1);
    const attached = eventOf(Buffer.from(email.attachments[0].content, "base64").toString());
    expect(attached.event.uid).toBe(`workshop-${me.applicationId}@circlehire`);
    expect(attached.event.location).toBe("Ashdown Community Centre, 1 High Street, Ashdown");

    const file = await calendarLoader({
      request: new Request(`${url}/calendar.ics`, { headers: { Cookie: cookie } }),
      params,
      context: {},
    });
    expect(file.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const offered = eventOf(await file.text());
    expect(offered.event.uid).toBe(attached.event.uid);
    expect(offered.event.startDate.toJSDate().toISOString()).toBe(attached.event.startDate.toJSDate().toISOString());

    await bookingAction({
      request: new Request(url, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams({ intent: "cancel" }) }),
      params,
      context: {},
    });
    const cancelRow = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("outbox").select("id").where("kind", "=", "workshop-cancelled").executeTakeFirstOrThrow(),
    );
    await deliverOutboxEmail(getDb(), org.orgId, cancelRow.id);
    const [cancelEmail] = await fetchCaptured(mailbox(), me.email);
    expect(cancelEmail.subject).toMatch(/is cancelled$/);
    const cancelled = eventOf(Buffer.from(cancelEmail.attachments[0].content, "base64").toString());
    expect(cancelled.method).toBe("CANCEL");
    expect(cancelled.event.uid).toBe(attached.event.uid);
    expect(cancelled.event.sequence).toBeGreaterThan(attached.event.sequence);

    // Booking again after cancelling: the form keeps the note given at the first booking.
    const again = await bookingLoader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} });
    expect(again.booking).toBeNull();
    expect(again.adjustments).toBe("A seat near the door");
  });

  it("does not let a candidate book for someone else's application", async () => {
    const org = await insertOrg();
    const workshopId = await insertWorkshop(org.orgId, org.teamId);
    const [me, them] = await insertInvitedApplications(org.orgId, org.vacancyId, 2);
    const cookie = await candidateCookie(org.orgId, me.candidateId);
    const url = `http://localhost/me/workshop/${them.applicationId}`;
    const read = await caught(
      bookingLoader({
        request: new Request(url, { headers: { Cookie: cookie } }),
        params: { applicationId: them.applicationId },
        context: {},
      }),
    );
    expect((read as Response).status).toBe(404);
    const post = (await bookingAction({
      request: new Request(url, {
        method: "POST",
        headers: { Cookie: cookie },
        body: new URLSearchParams({ intent: "book", workshopId, adjustments: "" }),
      }),
      params: { applicationId: them.applicationId },
      context: {},
    })) as Response;
    expect(post.status).toBe(404);
  });
});
