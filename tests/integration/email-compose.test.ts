import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { peekLoginToken } from "#app/domain/links/sign-in-links.server.js";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { addToOutbox, type OutboxMessage } from "#app/domain/email/outbox.server.js";
import { findMemberByLink } from "#app/domain/survey/member-survey.server.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { bookSeat, cancelBooking } from "#app/domain/workshops/book-seat.server.js";
import { formatLondonSlot } from "#app/domain/workshops/london-time.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { applicationInput, closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";
import { recordInOrg, runInOrg } from "#tests/support/run.js";

// What each of the first areas' emails says and to whom: the recipient, the subject and the
// props that matter (names, dates, places, where its sign-in link leads, attachments).

afterAll(closeOwnerDb);

const mailbox = () => process.env.RESEND_BASE_URL as string;

/** Writes `message` to the outbox, delivers it, and returns what reached `to` (the newest email). */
async function deliver(orgId: string, message: OutboxMessage, to: string) {
  const ref = await withOrg(getDb(), orgId, (trx) => addToOutbox(trx, message));
  expect(await deliverOutboxEmail(getDb(), orgId, ref.id)).toBe("sent");
  const [email] = await fetchCaptured(mailbox(), to);
  expect(email.to).toEqual([to]);
  return email;
}

/** Where the email's one-time sign-in link leads. */
async function linkTarget(html: string) {
  const token = /\/auth\/link\?token=([A-Za-z0-9_-]+)/.exec(html)?.[1] as string;
  const found = await peekLoginToken(getDb(), token);
  expect(found.state).toBe("usable");
  return found.state === "unknown" ? undefined : found.nextPath;
}

async function workshopTimes(orgId: string, workshopId: string) {
  return withOrg(ownerDb(), orgId, (trx) =>
    trx.selectFrom("workshops").select(["startsAt", "endsAt"]).where("id", "=", workshopId).executeTakeFirstOrThrow(),
  );
}

/** An organisation with one invited candidate (first name Mary) booked on a workshop a week away. */
async function bookedCandidate() {
  const org = await insertOrg("Oakfield Home Care");
  const workshopId = await insertWorkshop(org.orgId, org.teamId);
  const [me] = await insertInvitedApplications(org.orgId, org.vacancyId, 1);
  await withOrg(ownerDb(), org.orgId, (trx) =>
    trx.updateTable("candidates").set({ fullName: "Mary Jane Seacole" }).where("id", "=", me.candidateId).execute(),
  );
  const { result, after } = await recordInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...me, workshopId, adjustments: "" }));
  const booked = { ...result, email: after.emailRefs[0] };
  const t = await workshopTimes(org.orgId, workshopId);
  return { org, workshopId, me, booked, when: formatLondonSlot(t.startsAt, t.endsAt) };
}

describe("application, sign-in and survey emails", () => {
  it("application received and already applied: to the candidate, with the job, the organisation and a link to their survey", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const input = applicationInput({ fullName: "Mary Jane Seacole" });
    const { result: first, after } = await recordInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    expect(await deliverOutboxEmail(getDb(), org.orgId, after.emailRefs[0].id)).toBe("sent");
    const [received] = await fetchCaptured(mailbox(), input.email);
    expect(received.to).toEqual([input.email]);
    expect(received.subject).toBe("We have your application for Care worker");
    expect(received.text).toContain("Thank you, Mary");
    expect(received.text).toContain("We have your application for Care worker with Oakfield Home Care.");
    expect(received.text).toContain("This button works once, for 10 minutes.");
    expect(await linkTarget(received.html)).toBe(`/me/survey/${first.applicationId}`);

    const { result: again, after: afterAgain } = await recordInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    expect(again.duplicate).toBe(true);
    expect(await deliverOutboxEmail(getDb(), org.orgId, afterAgain.emailRefs[0].id)).toBe("sent");
    const [duplicate] = await fetchCaptured(mailbox(), input.email);
    expect(duplicate.to).toEqual([input.email]);
    expect(duplicate.subject).toBe("You have already applied for Care worker");
    expect(duplicate.text).toContain("Hello Mary");
    expect(duplicate.text).toContain("just applied again for Care worker with Oakfield Home Care");
    expect(duplicate.text).toContain("This button works once, for 10 minutes.");
    expect(await linkTarget(duplicate.html)).toBe(`/me/survey/${first.applicationId}`);
  });

  it("candidate sign-in: to the candidate, with a link to the page they asked for", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const [me] = await insertInvitedApplications(org.orgId, org.vacancyId, 1);
    const email = await deliver(org.orgId, { kind: "candidate-sign-in", candidateId: me.candidateId, nextPath: "/me/offer/x" }, me.email);
    expect(email.subject).toBe("Your sign-in link for Oakfield Home Care");
    expect(email.text).toContain("Hello Candidate");
    expect(email.text).toContain("This button works once, for 10 minutes.");
    expect(await linkTarget(email.html)).toBe("/me/offer/x");
  });

  it("survey reminder: says whether the survey was started, and links to it", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const input = applicationInput({ fullName: "Rory Reminder" });
    const applied = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    const message = { kind: "survey-reminder" as const, applicationId: applied.applicationId, reminder: 1 };
    const notStarted = await deliver(org.orgId, message, input.email);
    expect(notStarted.subject).toBe("Your next step for Care worker");
    expect(notStarted.text).toContain("Hello Rory");
    expect(notStarted.text).toContain("Thank you for applying for Care worker.");
    expect(await linkTarget(notStarted.html)).toBe(`/me/survey/${applied.applicationId}`);

    await withOrg(ownerDb(), org.orgId, async (trx) => {
      const version = await findLiveSurvey(trx);
      await trx.insertInto("surveyResponses").values({ applicationId: applied.applicationId, versionId: version.id }).execute();
    });
    const started = await deliver(org.orgId, message, input.email);
    expect(started.subject).toBe("Finish your survey for Care worker");
    expect(started.text).toContain("Your answers so far are saved.");
  });

  it("member survey invite: to the member, with their team and a personal link; refused without an address", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const email = `eve.${org.slug}@example.com`;
    const [eve, noEmail] = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("teamMembers")
        .values([
          { teamId: org.teamId, name: "Eve Evans", email, experience: "experienced", joinedOn: "2024-01-01" },
          { teamId: org.teamId, name: "Nora None", email: null, experience: "experienced", joinedOn: "2024-01-01" },
        ])
        .returning("id")
        .execute(),
    );
    const message = await deliver(org.orgId, { kind: "member-survey-invite", teamMemberId: eve.id }, email);
    expect(message.subject).toBe("Help shape who joins Ashdown");
    expect(message.text).toContain("Hello Eve");
    expect(message.text).toContain("This link is just for you and works for 14 days.");
    const token = /\/team-survey\/([A-Za-z0-9_-]+)/.exec(message.html)?.[1] as string;
    expect(await findMemberByLink(getDb(), token)).toMatchObject({ orgId: org.orgId, teamMemberId: eve.id });

    const ref = await withOrg(getDb(), org.orgId, (trx) => addToOutbox(trx, { kind: "member-survey-invite", teamMemberId: noEmail.id }));
    await expect(deliverOutboxEmail(getDb(), org.orgId, ref.id)).rejects.toThrow(`Team member ${noEmail.id} has no email address`);
  });

  it("an unknown kind is refused, naming the kind and the outbox row", async () => {
    const org = await insertOrg();
    const row = await withOrg(getDb(), org.orgId, (trx) =>
      trx.insertInto("outbox").values({ kind: "carrier-pigeon", payload: "{}" }).returning("id").executeTakeFirstOrThrow(),
    );
    await expect(deliverOutboxEmail(getDb(), org.orgId, row.id)).rejects.toThrow(`Unknown outbox email kind "carrier-pigeon" (${row.id})`);
  });
});

describe("workshop emails", () => {
  it("booked, moved and cancelled: to the candidate, with the place, a calendar file and a link to their booking", async () => {
    const { org, me, booked, when } = await bookedCandidate();
    expect(await deliverOutboxEmail(getDb(), org.orgId, booked.email.id)).toBe("sent");
    const [email] = await fetchCaptured(mailbox(), me.email);
    expect(email.to).toEqual([me.email]);
    expect(email.subject).toBe(`Your workshop place: ${when}`);
    expect(email.text).toContain("See you there, Mary");
    expect(email.text).toContain("Where: Ashdown Community Centre, 1 High Street, Ashdown");
    expect(email.text).toContain("Access: Step-free entrance; quiet room available");
    expect(email.text).toContain("This button works once, for 10 minutes.");
    expect(await linkTarget(email.html)).toBe(`/me/workshop/${me.applicationId}`);
    expect(email.attachments.map((a) => a.filename)).toEqual(["workshop.ics"]);
    const ics = Buffer.from(email.attachments[0].content, "base64").toString();
    expect(ics).toContain(`UID:workshop-${me.applicationId}@circlehire`);
    expect(ics).toContain("SUMMARY:Oakfield Home Care: group workshop");
    expect(ics).not.toContain("METHOD:CANCEL");

    const laterId = await insertWorkshop(org.orgId, org.teamId, { daysAhead: 14 });
    const t = await workshopTimes(org.orgId, laterId);
    const later = formatLondonSlot(t.startsAt, t.endsAt);
    const moved = await recordInOrg(org.orgId, (ctx) => bookSeat(ctx, { ...me, workshopId: laterId, adjustments: "" }));
    expect(await deliverOutboxEmail(getDb(), org.orgId, moved.after.emailRefs[0].id)).toBe("sent");
    const [movedEmail] = await fetchCaptured(mailbox(), me.email);
    expect(movedEmail.subject).toBe(`Your workshop has moved to ${later}`);
    expect(movedEmail.text).toContain("We have moved your place to the new date.");

    const cancelled = await recordInOrg(org.orgId, (ctx) => cancelBooking(ctx, me.applicationId, me.candidateId));
    expect(await deliverOutboxEmail(getDb(), org.orgId, cancelled.after.emailRefs[0].id)).toBe("sent");
    const [cancelEmail] = await fetchCaptured(mailbox(), me.email);
    expect(cancelEmail.to).toEqual([me.email]);
    expect(cancelEmail.subject).toBe(`Your workshop place on ${later} is cancelled`);
    expect(cancelEmail.text).toContain("Hello Mary");
    expect(await linkTarget(cancelEmail.html)).toBe(`/me/workshop/${me.applicationId}`);
    expect(cancelEmail.attachments.map((a) => a.filename)).toEqual(["workshop.ics"]);
    expect(Buffer.from(cancelEmail.attachments[0].content, "base64").toString()).toContain("METHOD:CANCEL");
  });

  it("reminders 48 hours and 2 hours before, and the no-show email: to the candidate, without attachments", async () => {
    const { org, me, booked, when } = await bookedCandidate();
    const reminder = await deliver(org.orgId, { kind: "workshop-reminder", bookingId: booked.bookingId, which: "48h" }, me.email);
    expect(reminder.subject).toBe(`Reminder: your workshop on ${when}`);
    expect(reminder.text).toContain("Hello Mary");
    expect(reminder.text).toContain(`When: ${when}`);
    expect(reminder.text).toContain("Where: Ashdown Community Centre, 1 High Street, Ashdown");
    expect(await linkTarget(reminder.html)).toBe(`/me/workshop/${me.applicationId}`);
    expect(reminder.attachments ?? []).toEqual([]);

    const soon = await deliver(org.orgId, { kind: "workshop-reminder", bookingId: booked.bookingId, which: "2h" }, me.email);
    expect(soon.subject).toBe(`See you soon: your workshop starts at ${when.split(", ")[1].split(" to ")[0]}`);
    expect(soon.text).toContain("See you soon, Mary");

    const noShow = await deliver(org.orgId, { kind: "workshop-no-show", bookingId: booked.bookingId }, me.email);
    expect(noShow.subject).toBe("We missed you at the Oakfield Home Care workshop");
    expect(noShow.text).toContain("Hello Mary");
    expect(await linkTarget(noShow.html)).toBe(`/me/workshop/${me.applicationId}`);
    expect(noShow.attachments ?? []).toEqual([]);
  });

  it("waiting-list offer: to the person offered the seat, with the workshop, how long it is held and a link to book", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const workshopId = await insertWorkshop(org.orgId, org.teamId);
    const t = await workshopTimes(org.orgId, workshopId);
    const [me, other] = await insertInvitedApplications(org.orgId, org.vacancyId, 2);
    // 10:00 UTC on 27 November is 10:00am in London.
    const [held, open] = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("workshopWaitlist")
        .values([
          { workshopId, applicationId: me.applicationId, status: "offered", offerExpiresAt: new Date("2030-11-27T10:00:00Z") },
          { workshopId, applicationId: other.applicationId, status: "offered", offerExpiresAt: null },
        ])
        .returning("id")
        .execute(),
    );
    const email = await deliver(org.orgId, { kind: "waitlist-offer", entryId: held.id }, me.email);
    expect(email.subject).toBe(`A workshop place is free for you: ${formatLondonSlot(t.startsAt, t.endsAt)}`);
    expect(email.text).toContain("Good news, Candidate");
    expect(email.text).toContain("We are holding it for you until Wednesday 27 November 2030, 10:00am.");
    expect(await linkTarget(email.html)).toBe(`/me/workshop/${me.applicationId}`);

    const tomorrow = await deliver(org.orgId, { kind: "waitlist-offer", entryId: open.id }, other.email);
    expect(tomorrow.text).toContain("We are holding it for you until tomorrow.");
    expect(await linkTarget(tomorrow.html)).toBe(`/me/workshop/${other.applicationId}`);
  });

  it("low numbers: to the lead, counting live bookings only, with the organisation's minimum and the workshop's page", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const workshopId = await insertWorkshop(org.orgId, org.teamId);
    const t = await workshopTimes(org.orgId, workshopId);
    const people = await insertInvitedApplications(org.orgId, org.vacancyId, 3);
    await recordInOrg(org.orgId, async (ctx) => {
      for (const p of people) await bookSeat(ctx, { ...p, workshopId, adjustments: "" });
      await cancelBooking(ctx, people[2].applicationId, people[2].candidateId);
      await ctx.trx.insertInto("orgSettings").values({ workshopMinAttendees: 6 }).execute();
    });
    const lead = `lead@${org.slug}.test`;
    const email = await deliver(org.orgId, { kind: "workshop-low-numbers", workshopId, userId: org.leadId }, lead);
    const when = formatLondonSlot(t.startsAt, t.endsAt);
    expect(email.subject).toBe(`Only 2 booked for the workshop on ${when}`);
    expect(email.text).toContain("Hello Lee");
    expect(email.text).toContain(`The workshop on ${when} has 2 people booked, below your minimum of 6.`);
    expect(email.html).toContain(`/workshops/${workshopId}"`);
    expect(email.attachments ?? []).toEqual([]);
  });
});
