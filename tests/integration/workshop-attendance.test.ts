import { runInOrg } from "#tests/support/run.js";
import { afterAll, describe, expect, it } from "vitest";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { bookSeat } from "#app/domain/workshops/book-seat.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { action as attendanceAction, loader as attendanceLoader } from "#app/routes/workshops.$workshopId_.attendance.js";
import { closeOwnerDb, insertOrg, staffCookie } from "#tests/factories/org.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";

afterAll(closeOwnerDb);

describe("recording attendance", () => {
  it("marks who came, emails each no-show once, and lets them book another date", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const workshopId = await insertWorkshop(org.orgId, org.teamId);
    const later = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 14 });
    const people = await insertInvitedApplications(org.orgId, org.vacancyId, 3);
    const bookings = [];
    for (const p of people) bookings.push(await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...p, workshopId, adjustments: "" })));
    const lead = await staffCookie(org.orgId, org.leadId);
    const url = `http://localhost/workshops/${workshopId}/attendance`;
    const save = (marks: Record<string, string>) =>
      attendanceAction({
        request: new Request(url, {
          method: "POST",
          headers: { Cookie: lead },
          body: new URLSearchParams(Object.entries(marks).map(([id, mark]) => [`attendance.${id}`, mark])),
        }),
        params: { workshopId },
        context: {},
      });

    const marks = { [bookings[0].bookingId]: "attended", [bookings[1].bookingId]: "late", [bookings[2].bookingId]: "no_show" };
    await save(marks);
    await save(marks); // saving the page again sends nothing more
    const emails = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("outbox").select(["id", "kind"]).where("kind", "=", "workshop-no-show").execute(),
    );
    expect(emails).toHaveLength(1);
    await deliverOutboxEmail(getDb(), org.orgId, emails[0].id);
    const [email] = await fetchCaptured(process.env.RESEND_BASE_URL as string, people[2].email);
    expect(email.subject).toBe("We missed you at the Oakfield Home Care workshop");

    const page = await attendanceLoader({ request: new Request(url, { headers: { Cookie: lead } }), params: { workshopId }, context: {} });
    expect(page.people.map((p) => p.attendance).sort()).toEqual(["attended", "late", "no_show"]);

    // The no-show can book another date.
    await runInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...people[2], workshopId: later, adjustments: "" }));
    // And then the lead can no longer turn their no-show into "attended".
    const partly = (await save({ [bookings[2].bookingId]: "attended" })) as Response;
    expect(partly.headers.get("Location")).toBe(`/workshops/${workshopId}/attendance?saved=partly`);
  });
});
