import { afterAll, describe, expect, it } from "vitest";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { sendTouchpointIfDue, sweepTouchpoints, syncTouchpoints, touchpointJobId } from "#app/domain/offers/keep-in-touch.server.js";
import { sweepNoShows } from "#app/domain/offers/no-show.server.js";
import { withdrawAfterAcceptance } from "#app/domain/offers/withdraw-offer.server.js";
import { answerTouchpoint } from "#app/domain/offers/answer-touchpoint.server.js";
import { loader as risksLoader } from "#app/routes/offers_.risks.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { getReminderQueue } from "#jobs/queues.js";
import { action as checkInAction, loader as checkInLoader } from "#app/routes/check-in.$token.js";
import { insertOffer } from "#tests/factories/offer.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { waitFor, workerPerTest } from "#tests/support/worker.js";
import { recordInOrg, runInOrg, sweepFor } from "#tests/support/run.js";

const worker = workerPerTest();
afterAll(closeOwnerDb);

/** An admin of the organisation: drop-out alerts go to leads and admins. */
const insertAdmin = (org: { orgId: string; slug: string }) =>
  withOrg(ownerDb(), org.orgId, (trx) =>
    trx
      .insertInto("users")
      .values({ email: `admin@${org.slug}.test`, name: "Alex Admin", role: "admin", passwordHash: "unused" })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
const subjectsTo = async (email: string) => (await fetchCaptured(process.env.RESEND_BASE_URL as string, email)).map((m) => m.subject);
const touchpointsOf = (orgId: string, offerId: string) =>
  withOrg(ownerDb(), orgId, (trx) =>
    trx
      .selectFrom("touchpoints")
      .select(["id", "kind", "seq", "dueAt", "sentAt", "cancelledAt"])
      .where("offerId", "=", offerId)
      .orderBy("dueAt")
      .orderBy("kind")
      .execute(),
  );

describe("keeping in touch from acceptance to the start", () => {
  it("plans weekly emails and buddy calls, moves them with the start date, and stops them on withdrawal, without duplicate jobs", async () => {
    const org = await insertOrg();
    const offer = await insertOffer(org, { acceptedDaysAgo: 0, startInDays: 22 });
    const jobs = await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, offer.offerId));
    expect((await touchpointsOf(org.orgId, offer.offerId)).map((t) => `${t.kind}:${t.seq}`)).toEqual([
      "buddy_call:1",
      "kit:1",
      "buddy_call:2",
      "kit:2",
      "buddy_call:3",
      "kit:3",
    ]);
    await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, offer.offerId)); // a retried request adds nothing
    const queue = getReminderQueue();
    const mine = async () =>
      (await queue.getDelayed()).filter((j) => (j.id ?? "").startsWith("touchpoint-") && jobs.some((p) => j.id?.includes(p.touchpointId)));
    expect(await mine()).toHaveLength(6);

    // The start moves 7 days earlier: week 3 is no longer before it; weeks 1 and 2 keep their times.
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("offers")
        .set({ startDate: new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10) })
        .where("id", "=", offer.offerId)
        .execute(),
    );
    const moved = await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, offer.offerId));
    const idsOf = (list: typeof jobs) => list.map((j) => touchpointJobId(j.touchpointId, j.dueAt)).sort();
    // Only weeks 1 and 2 are planned now, with the same jobs (and times) as before.
    expect(idsOf(moved)).toEqual(idsOf(jobs.slice(0, 4)));
    const after = await touchpointsOf(org.orgId, offer.offerId);
    expect(after.filter((t) => !t.cancelledAt).map((t) => `${t.kind}:${t.seq}`)).toEqual([
      "buddy_call:1",
      "kit:1",
      "buddy_call:2",
      "kit:2",
    ]);
    expect(after.filter((t) => t.cancelledAt).map((t) => `${t.kind}:${t.seq}`)).toEqual(["buddy_call:3", "kit:3"]);
    // A cancelled week's job, when it runs, sends nothing.
    const week3 = after.find((t) => t.kind === "kit" && t.seq === 3);
    expect(await runInOrg(org.orgId, (ctx) => sendTouchpointIfDue(ctx, week3?.id as string, new Date(Date.now() + 30 * 86_400_000)))).toBe(
      0,
    );

    // The start moves later, to 29 days: week 3 comes back with its old jobs and week 4 is new.
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("offers")
        .set({ startDate: new Date(Date.now() + 29 * 86_400_000).toISOString().slice(0, 10) })
        .where("id", "=", offer.offerId)
        .execute(),
    );
    const later = await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, offer.offerId));
    expect(idsOf(later).filter((id) => !idsOf(jobs).includes(id))).toHaveLength(2);
    const delayed = (await queue.getDelayed()).map((j) => j.id);
    expect(idsOf(later).filter((id) => delayed.includes(id))).toHaveLength(8); // weeks 1-4, each job once
    expect((await touchpointsOf(org.orgId, offer.offerId)).filter((t) => !t.cancelledAt).map((t) => `${t.kind}:${t.seq}`)).toEqual([
      "buddy_call:1",
      "kit:1",
      "buddy_call:2",
      "kit:2",
      "buddy_call:3",
      "kit:3",
      "buddy_call:4",
      "kit:4",
    ]);

    // Withdrawn after accepting (through the lead's withdrawal, not by hand): every planned
    // touchpoint is cancelled, and a job that runs anyway sends nothing.
    await runInOrg(org.orgId, (ctx) =>
      withdrawAfterAcceptance(ctx, {
        applicationId: offer.applicationId,
        reason: "another_job",
        actor: { userId: org.leadId, name: "Lee Lead" },
      }),
    );
    const withdrawn = await touchpointsOf(org.orgId, offer.offerId);
    expect(withdrawn).toHaveLength(8);
    expect(withdrawn.filter((t) => !t.cancelledAt || t.sentAt)).toEqual([]);
    const week1 = after.find((t) => t.kind === "kit" && t.seq === 1);
    expect(await runInOrg(org.orgId, (ctx) => sendTouchpointIfDue(ctx, week1?.id as string, new Date(Date.now() + 8 * 86_400_000)))).toBe(
      0,
    );
  });

  it("the sweep sends what is due when Redis lost the jobs: this week's email to them and the call task to their buddy, once", async () => {
    const org = await insertOrg();
    const offer = await insertOffer(org, { acceptedDaysAgo: 8, startInDays: 20 });
    await recordInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, offer.offerId)); // no jobs added: as if Redis lost them
    const refs = await sweepFor(sweepTouchpoints, org.orgId);
    expect(refs).toHaveLength(2);
    expect(await sweepFor(sweepTouchpoints, org.orgId)).toEqual([]);
    await worker.start();
    await waitFor(async () => (await subjectsTo(offer.candidateEmail)).length > 0, "the keep-in-touch email");
    await waitFor(async () => (await subjectsTo(offer.buddyEmail)).length > 0, "the buddy's task");
    expect(await subjectsTo(offer.candidateEmail)).toEqual([expect.stringMatching(/^Meet your team: Ashdown is looking forward to /)]);
    expect(await subjectsTo(offer.buddyEmail)).toEqual(["Please give Sophie Lane a ring this week"]);
    const sent = await touchpointsOf(org.orgId, offer.offerId);
    expect(sent.filter((t) => t.sentAt).map((t) => `${t.kind}:${t.seq}`)).toEqual(["buddy_call:1", "kit:1"]);
  });
});

describe("the buddy's emails", () => {
  it("are not queued for a buddy with no email address or who has left the team; the person's email still goes", async () => {
    const org = await insertOrg();
    const noEmail = await insertOffer(org, { acceptedDaysAgo: 8, startInDays: 20 });
    const left = await insertOffer(org, { startedDaysAgo: 8 });
    await withOrg(ownerDb(), org.orgId, async (trx) => {
      const buddyOf = (offerId: string) => trx.selectFrom("offers").select("buddyMemberId").where("id", "=", offerId);
      await trx.updateTable("teamMembers").set({ email: null }).where("id", "=", buddyOf(noEmail.offerId)).execute();
      await trx
        .updateTable("teamMembers")
        .set({ leftOn: new Date().toISOString().slice(0, 10) })
        .where("id", "=", buddyOf(left.offerId))
        .execute();
    });
    for (const o of [noEmail, left]) await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, o.offerId));
    const refs = await sweepFor(sweepTouchpoints, org.orgId);
    const outbox = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .selectFrom("outbox")
        .select("payload")
        .where(
          "id",
          "in",
          refs.map((r) => r.id),
        )
        .execute(),
    );
    // The week-1 email and the day-7 check-in to the people themselves; nothing to either buddy.
    expect(outbox.map((o) => (o.payload as { to: string }).to)).toEqual(["person", "person"]);
    // The buddy-call touchpoint is done (nothing left to retry).
    const calls = (await touchpointsOf(org.orgId, noEmail.offerId)).filter((t) => t.kind === "buddy_call" && t.seq === 1);
    expect(calls).toHaveLength(1);
    expect(calls.every((t) => t.sentAt)).toBe(true);
  });

  it("an email queued to a buddy whose address is removed before it goes is skipped, not failed", async () => {
    const org = await insertOrg();
    const offer = await insertOffer(org, { acceptedDaysAgo: 8, startInDays: 20 });
    await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, offer.offerId));
    const refs = await sweepFor(sweepTouchpoints, org.orgId);
    const rows = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .selectFrom("outbox")
        .select(["id", "payload"])
        .where(
          "id",
          "in",
          refs.map((r) => r.id),
        )
        .execute(),
    );
    const toBuddy = rows.find((r) => (r.payload as { to: string }).to === "buddy");
    expect(toBuddy).toBeDefined();
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("teamMembers")
        .set({ email: null })
        .where("id", "=", trx.selectFrom("offers").select("buddyMemberId").where("id", "=", offer.offerId))
        .execute(),
    );
    expect(await deliverOutboxEmail(getDb(), org.orgId, toBuddy?.id as string)).toBe("skipped");
    const row = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .selectFrom("outbox")
        .select(["sentAt", "providerId"])
        .where("id", "=", toBuddy?.id as string)
        .executeTakeFirstOrThrow(),
    );
    expect(row.providerId).toBe("skipped");
    expect(row.sentAt).not.toBeNull();
    expect(await subjectsTo(offer.buddyEmail)).toEqual([]);
  });
});

describe("after the start", () => {
  it("asks how it is going on day 7, tells the buddy, and a worried answer reaches the lead and the admin", async () => {
    const org = await insertOrg();
    await insertAdmin(org);
    const offer = await insertOffer(org, { startedDaysAgo: 8 });
    await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, offer.offerId));
    const planned = await touchpointsOf(org.orgId, offer.offerId);
    expect(planned.map((t) => `${t.kind}:${t.seq}`)).toEqual(["checkin:7", "checkin:30", "checkin:90"]);
    expect(await sweepFor(sweepTouchpoints, org.orgId)).toHaveLength(2); // to them and to their buddy
    await worker.start();
    await waitFor(async () => (await subjectsTo(offer.candidateEmail)).length > 0, "the check-in");
    expect(await subjectsTo(offer.candidateEmail)).toEqual(["How is it going, Sophie?"]);
    await waitFor(async () => (await subjectsTo(offer.buddyEmail)).length > 0, "the buddy's reminder");
    expect(await subjectsTo(offer.buddyEmail)).toEqual(["Sophie Lane has been with Ashdown for 7 days"]);

    const [mail] = await fetchCaptured(process.env.RESEND_BASE_URL as string, offer.candidateEmail);
    const token = /\/check-in\/([\w-]+)/.exec(mail.text)?.[1] as string;
    const page = await checkInLoader({ request: new Request(`http://localhost/check-in/${token}`), params: { token }, context: {} });
    expect(page).toMatchObject({ kind: "checkin", firstName: "Sophie", teamName: "Ashdown", day: 7, replied: false });
    const post = (fields: Record<string, string>) =>
      checkInAction({
        request: new Request(`http://localhost/check-in/${token}`, { method: "POST", body: new URLSearchParams(fields) }),
        params: { token },
        context: {},
      }) as Promise<Response>;
    const bad = await post({ answer: "worried", note: "" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ note: "Tell us a little about what is worrying you, so the right person can help" });
    expect((await post({ answer: "worried", note: "The early starts are hard with my children" })).status).toBe(302);
    const leadEmail = `lead@${org.slug}.test`;
    await waitFor(async () => (await subjectsTo(leadEmail)).length > 0, "the lead's alert");
    const alert = (await fetchCaptured(process.env.RESEND_BASE_URL as string, leadEmail))[0];
    expect(alert.subject).toBe("Sophie Lane is worried: please get in touch");
    expect(alert.text).toMatch(/The early starts are hard with my children/);
    const adminEmail = `admin@${org.slug}.test`;
    await waitFor(async () => (await subjectsTo(adminEmail)).length > 0, "the admin's alert");
    expect(await subjectsTo(adminEmail)).toEqual(["Sophie Lane is worried: please get in touch"]);
  });

  it("a person who left the team gets no more check-ins", async () => {
    const org = await insertOrg();
    const offer = await insertOffer(org, { startedDaysAgo: 31 });
    // Someone who started on the same day and stayed: their check-ins go, as a control.
    const stayed = await insertOffer(org, { startedDaysAgo: 31 });
    for (const o of [offer, stayed]) await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, o.offerId));
    expect((await touchpointsOf(org.orgId, offer.offerId)).map((t) => `${t.kind}:${t.seq}`)).toEqual([
      "checkin:7",
      "checkin:30",
      "checkin:90",
    ]);
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("teamMembers")
        .set({ leftOn: new Date().toISOString().slice(0, 10) })
        .where("id", "=", offer.memberId as string)
        .execute(),
    );
    const swept = await sweepFor(sweepTouchpoints, org.orgId);
    // Only the one who stayed is asked (days 7 and 30, each to them and their buddy).
    expect(swept).toHaveLength(4);
    const sweptPayloads = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .selectFrom("outbox")
        .select("payload")
        .where(
          "id",
          "in",
          swept.map((r) => r.id),
        )
        .execute(),
    );
    const stayedIds = (await touchpointsOf(org.orgId, stayed.offerId)).map((t) => t.id);
    expect(sweptPayloads.every((o) => stayedIds.includes((o.payload as { touchpointId: string }).touchpointId))).toBe(true);
    expect((await touchpointsOf(org.orgId, stayed.offerId)).filter((t) => t.sentAt).map((t) => `${t.kind}:${t.seq}`)).toEqual([
      "checkin:7",
      "checkin:30",
    ]);
    expect((await touchpointsOf(org.orgId, offer.offerId)).filter((t) => t.sentAt)).toEqual([]);
    // Their due check-ins are closed, not left waiting for the next sweep.
    expect((await touchpointsOf(org.orgId, offer.offerId)).filter((t) => t.cancelledAt).map((t) => `${t.kind}:${t.seq}`)).toEqual([
      "checkin:7",
      "checkin:30",
    ]);
  });
});

describe("the no-show detector", () => {
  it("flags an accepted offer 3 days after a start nobody confirmed, tells the lead and the admin once, and leaves later starts alone", async () => {
    const org = await insertOrg();
    await insertAdmin(org);
    const late = await insertOffer(org, { acceptedDaysAgo: 30, startInDays: -4 });
    const grace = await insertOffer(org, { acceptedDaysAgo: 30, startInDays: -3 });
    const refs = await sweepFor(sweepNoShows, org.orgId);
    expect(refs).toHaveLength(2); // the lead and the admin
    expect(await sweepFor(sweepNoShows, org.orgId)).toEqual([]);
    const flagged = await withOrg(ownerDb(), org.orgId, (trx) => trx.selectFrom("offers").select(["id", "noShowFlaggedAt"]).execute());
    expect(flagged.find((o) => o.id === late.offerId)?.noShowFlaggedAt).not.toBeNull();
    expect(flagged.find((o) => o.id === grace.offerId)?.noShowFlaggedAt).toBeNull();
    await worker.start();
    const leadEmail = `lead@${org.slug}.test`;
    await waitFor(async () => (await subjectsTo(leadEmail)).length > 0, "the lead's alert");
    expect(await subjectsTo(leadEmail)).toEqual(["Sophie Lane has not started with Ashdown"]);
    await waitFor(async () => (await subjectsTo(`admin@${org.slug}.test`)).length > 0, "the admin's alert");
    expect(await subjectsTo(`admin@${org.slug}.test`)).toEqual(["Sophie Lane has not started with Ashdown"]);
  });
});

describe("the lead's list of people who may drop out", () => {
  it("flags silence, a long wait, a stalled check and a worried check-in, and gives the rates per quarter", async () => {
    const org = await insertOrg();
    const quiet = await insertOffer(org, { acceptedDaysAgo: 20, startInDays: 20 });
    await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, quiet.offerId));
    await sweepTouchpoints(getDb(), runInOrg); // weeks 1 and 2 go out; nobody replies
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("prestartChecks")
        .values([
          { offerId: quiet.offerId, kind: "dbs", status: "pending", statusChangedAt: new Date(Date.now() - 12 * 86_400_000) },
          { offerId: quiet.offerId, kind: "references", status: "done", statusChangedAt: new Date(Date.now() - 12 * 86_400_000) },
          // Just over 10 days: stalled by the one rule (isStalled), as on the application page.
          {
            offerId: quiet.offerId,
            kind: "right_to_work",
            status: "problem",
            statusChangedAt: new Date(Date.now() - 10.5 * 86_400_000),
          },
        ])
        .execute(),
    );
    const lead = await staffCookie(org.orgId, org.leadId);
    const risks = () =>
      risksLoader({ request: new Request("http://localhost/offers/risks", { headers: { Cookie: lead } }), params: {}, context: {} });
    // Emails sent a moment ago have not had time for a reply: no silence flag yet.
    expect((await risks()).people.map((p) => p.flags)).toEqual([
      [
        "Starts 40 days after accepting (more than four weeks)",
        "DBS check still pending for 12 days",
        "Right-to-work check has a problem for 10 days",
      ],
    ]);
    // Three days on, still no reply: now it is a sign.
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("touchpoints")
        .set({ sentAt: new Date(Date.now() - 3 * 86_400_000 - 60_000) })
        .where("offerId", "=", quiet.offerId)
        .where("sentAt", "is not", null)
        .execute(),
    );
    const worried = await insertOffer(org, { startedDaysAgo: 8 });
    await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, worried.offerId));
    await sweepTouchpoints(getDb(), runInOrg);
    const checkin = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .selectFrom("touchpoints")
        .select("id")
        .where("offerId", "=", worried.offerId)
        .where("kind", "=", "checkin")
        .where("seq", "=", 7)
        .executeTakeFirstOrThrow(),
    );
    await runInOrg(org.orgId, (ctx) => answerTouchpoint(ctx, checkin.id, { answer: "worried", note: "Nobody showed me the rota app" }));
    await insertOffer(org, { acceptedDaysAgo: 1, startInDays: 21 }); // nothing to worry about

    const page = await risks();
    expect(page.people.map((p) => p.flags)).toEqual([
      ['Worried at the day-7 check-in: "Nobody showed me the rota app"'],
      [
        "No reply to the last two keep-in-touch emails (weeks 1 and 2)",
        "Starts 40 days after accepting (more than four weeks)",
        "DBS check still pending for 12 days",
        "Right-to-work check has a problem for 10 days",
      ],
    ]);
    // Three accepted this quarter (factory offers), none withdrawn yet.
    expect(page.cohorts).toEqual([expect.objectContaining({ accepted: 3, withdrawn: 0, noShows: 0, dropoutRate: 0, started: 1 })]);

    // Someone who waited 52 days but has started: the long wait is no longer a sign.
    const started = await insertOrg("Brookfield");
    const waited = await insertOffer(started, { startedDaysAgo: 8, acceptedDaysAgo: 60 });
    const startedLead = await staffCookie(started.orgId, started.leadId);
    const startedPage = await risksLoader({
      request: new Request("http://localhost/offers/risks", { headers: { Cookie: startedLead } }),
      params: {},
      context: {},
    });
    expect(startedPage.people).toEqual([]);
    expect(
      await withOrg(ownerDb(), started.orgId, (trx) =>
        trx.selectFrom("offers").select("status").where("id", "=", waited.offerId).executeTakeFirstOrThrow(),
      ),
    ).toEqual({ status: "started" });

    const other = await insertOrg("Riverside");
    const otherLead = await staffCookie(other.orgId, other.leadId);
    const otherPage = await risksLoader({
      request: new Request("http://localhost/offers/risks", { headers: { Cookie: otherLead } }),
      params: {},
      context: {},
    });
    expect(otherPage).toEqual({ people: [], cohorts: [] });
  });
});

describe("tenancy", () => {
  it("another organisation sees none of the touchpoints", async () => {
    const org = await insertOrg();
    const offer = await insertOffer(org, { acceptedDaysAgo: 8 });
    await runInOrg(org.orgId, (ctx) => syncTouchpoints(ctx, offer.offerId));
    const own = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("touchpoints").select("id").where("offerId", "=", offer.offerId).execute(),
    );
    expect(own).toHaveLength(8); // weeks 1-4 between accepting 8 days ago and the start in 21 days, seen by their own organisation
    const other = await insertOrg("Riverside");
    const seen = await withOrg(getDb(), other.orgId, (trx) =>
      trx.selectFrom("touchpoints").select("id").where("offerId", "=", offer.offerId).execute(),
    );
    expect(seen).toEqual([]);
    await expect(runInOrg(other.orgId, (ctx) => syncTouchpoints(ctx, offer.offerId))).rejects.toThrow(/no result/i);
  });
});
