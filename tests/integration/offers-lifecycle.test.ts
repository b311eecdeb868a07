import { caught } from "#tests/support/caught.js";
import { afterAll, describe, expect, it } from "vitest";
import { touchpointJobId } from "#app/domain/offers/keep-in-touch.server.js";
import { withOrg } from "#db/tenant.js";
import { closeReminderQueue, getReminderQueue } from "#jobs/queues.js";
import { action as candidateAction, loader as candidateLoader } from "#app/routes/me_.offer.$applicationId.js";
import { loader as offersLoader } from "#app/routes/offers._index.js";
import { action as applicationAction, loader as applicationLoader } from "#app/routes/pipeline.$applicationId/route.js";
import { loader as teamLoader } from "#app/routes/teams.$teamId.js";
import { action as memberAction } from "#app/routes/teams.$teamId_.members.$memberId.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { insertOfferReady, ukDateIn } from "#tests/factories/offer.js";
import { candidateCookie } from "#tests/factories/shadow.js";

afterAll(async () => {
  await closeReminderQueue();
  await closeOwnerDb();
});

const post = (url: string, fields: Record<string, string>, cookie?: string) =>
  new Request(url, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { Cookie: cookie } : {} });

async function setUp(candidateExperience: "experienced" | "new_to_care" = "new_to_care") {
  const s = await insertOfferReady(candidateExperience);
  const appUrl = `http://localhost/pipeline/${s.applicationId}`;
  const params = { applicationId: s.applicationId };
  const leadView = async (cookie = s.lead) =>
    applicationLoader({ request: new Request(appUrl, { headers: { Cookie: cookie } }), params, context: {} });
  const leadPost = async (fields: Record<string, string>, cookie = s.lead) =>
    (await applicationAction({ request: post(appUrl, fields, cookie), params, context: {} })) as Response;
  const candidate = await candidateCookie(s.org.orgId, s.candidateId);
  const meUrl = `http://localhost/me/offer/${s.applicationId}`;
  const candidateView = () => candidateLoader({ request: new Request(meUrl, { headers: { Cookie: candidate } }), params, context: {} });
  const candidatePost = async (fields: Record<string, string>) =>
    (await candidateAction({ request: post(meUrl, fields, candidate), params, context: {} })) as Response;
  const offerFields = (overrides: Record<string, string> = {}) => ({
    intent: "offer-record",
    roleTitle: "Care and support worker",
    hours: "24 hours a week",
    pay: "£12.60 an hour",
    startDate: ukDateIn(28),
    teamId: s.org.teamId,
    buddyMemberId: s.memberIds[0],
    ...overrides,
  });
  const db = () => ownerDb();
  const offerRow = () =>
    db()
      .selectFrom("offers")
      .selectAll()
      .where("applicationId", "=", s.applicationId)
      .orderBy("createdAt", "desc")
      .executeTakeFirstOrThrow();
  const touchpoints = async () =>
    db()
      .selectFrom("touchpoints")
      .selectAll()
      .where("offerId", "=", (await offerRow()).id)
      .orderBy("dueAt")
      .execute();
  const application = () => db().selectFrom("applications").select("stage").where("id", "=", s.applicationId).executeTakeFirstOrThrow();
  const lastEvent = () =>
    db()
      .selectFrom("applicationEvents")
      .select(["toStage", "reason"])
      .where("applicationId", "=", s.applicationId)
      .orderBy("createdAt", "desc")
      .executeTakeFirstOrThrow();
  return {
    ...s,
    leadView,
    leadPost,
    candidateView,
    candidatePost,
    offerFields,
    offerRow,
    touchpoints,
    application,
    lastEvent,
    candidateCookie: candidate,
  };
}

describe("offers", () => {
  it("recording an offer: problems are shown at each field with what was typed kept; then the offer, its checks and the email", async () => {
    const s = await setUp();
    const bad = await s.leadPost(s.offerFields({ pay: "", startDate: ukDateIn(-1), buddyMemberId: "" }));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.fieldErrors).toEqual({
      pay: "Enter the pay",
      startDate: "The start date cannot be in the past",
      buddyMemberId: "Choose a buddy from the team",
    });
    expect(body.values.roleTitle).toBe("Care and support worker");
    expect(body.values.hours).toBe("24 hours a week");
    expect(await db(s).selectFrom("offers").select("id").where("applicationId", "=", s.applicationId).execute()).toEqual([]);

    // A buddy from another team is refused at the buddy field.
    const other = await ownerDb()
      .insertInto("teams")
      .values({
        orgId: s.org.orgId,
        name: "Other",
        town: "Other",
        regionId: (await ownerDb().selectFrom("teams").select("regionId").where("id", "=", s.org.teamId).executeTakeFirstOrThrow())
          .regionId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const wrongTeam = await s.leadPost(s.offerFields({ teamId: other.id }));
    expect(wrongTeam.status).toBe(409);
    expect((await wrongTeam.json()).fieldErrors).toEqual({ buddyMemberId: "Choose a buddy who is a member of that team" });

    expect((await s.leadPost(s.offerFields())).status).toBe(302);
    const offer = await s.offerRow();
    expect(offer).toMatchObject({ status: "offered", pay: "£12.60 an hour", buddyMemberId: s.memberIds[0], startDate: ukDateIn(28) });
    const checks = await ownerDb()
      .selectFrom("prestartChecks")
      .select(["kind", "status"])
      .where("offerId", "=", offer.id)
      .orderBy("kind")
      .execute();
    expect(checks).toEqual([
      { kind: "dbs", status: "pending" },
      { kind: "references", status: "pending" },
      { kind: "right_to_work", status: "pending" },
    ]);
    const outbox = await ownerDb()
      .selectFrom("outbox")
      .select(["kind", "payload"])
      .where("orgId", "=", s.org.orgId)
      .where("kind", "=", "offer-candidate")
      .execute();
    expect(outbox).toHaveLength(1);
    // A second offer while this one is live is refused.
    expect((await s.leadPost(s.offerFields())).status).toBe(409);

    const seen = await s.candidateView();
    expect(seen).toMatchObject({ status: "offered", pay: "£12.60 an hour", teamName: "Ashdown", buddyName: "Member" });
  });

  it("the form to record an offer lists every team, their active members as buddies (with the team's name) and the vacancy's hours", async () => {
    const s = await setUp();
    const regionId = (await ownerDb().selectFrom("teams").select("regionId").where("id", "=", s.org.teamId).executeTakeFirstOrThrow())
      .regionId;
    const bramley = await ownerDb()
      .insertInto("teams")
      .values({ orgId: s.org.orgId, name: "Bramley", town: "Bramley", regionId })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [active, left] = await ownerDb()
      .insertInto("teamMembers")
      .values([
        { orgId: s.org.orgId, teamId: bramley.id, name: "Alex Active", experience: "experienced", joinedOn: "2024-01-01" },
        {
          orgId: s.org.orgId,
          teamId: bramley.id,
          name: "Lou Left",
          experience: "experienced",
          joinedOn: "2024-01-01",
          leftOn: "2025-01-01",
        },
      ])
      .returning("id")
      .execute();
    // Another organisation's team and member are not offered.
    const riverside = await insertOrg("Riverside Care");
    await withOrg(ownerDb(), riverside.orgId, (trx) =>
      trx
        .insertInto("teamMembers")
        .values({ teamId: riverside.teamId, name: "Rita River", experience: "experienced", joinedOn: "2024-01-01" })
        .execute(),
    );

    const section = (await s.leadView()).offer;
    expect(section.recording).toBe(true);
    expect(section.defaults).toEqual({ roleTitle: "Care worker", hours: "Part time", teamId: s.org.teamId });
    expect(Object.entries(section.teams)).toEqual([
      [s.org.teamId, "Ashdown"],
      [bramley.id, "Bramley"],
    ]);
    expect(Object.entries(section.buddies)).toEqual([
      ...s.memberIds.map((id, i) => [id, `Member ${i + 1} (Ashdown)`]),
      [active.id, "Alex Active (Bramley)"],
    ]);
    expect(section.buddies[left.id]).toBeUndefined();

    // Once the offer is recorded there is nothing to choose from.
    expect((await s.leadPost(s.offerFields())).status).toBe(302);
    const after = (await s.leadView()).offer;
    expect(after).toMatchObject({ recording: false, teams: {}, buddies: {}, defaults: { hours: "" } });
  });

  it("accepting plans the keep-in-touch touchpoints with delayed jobs; a new start date moves the unsent ones", async () => {
    const s = await setUp();
    await s.leadPost(s.offerFields({ startDate: ukDateIn(28) }));
    expect((await s.candidatePost({ intent: "accept" })).headers.get("Location")).toMatch(/accepted=1/);
    expect((await s.candidatePost({ intent: "accept" })).status).toBe(302); // a retried request changes nothing
    expect((await s.offerRow()).status).toBe("accepted");
    expect((await s.offerRow()).acceptedAt).not.toBeNull();
    const planned = await s.touchpoints();
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.some((t) => t.kind === "kit")).toBe(true);
    expect(planned.every((t) => !t.cancelledAt)).toBe(true);
    const queue = getReminderQueue();
    for (const t of planned) expect(await queue.getJobState(touchpointJobId(t.id, new Date(t.dueAt)))).toBe("delayed");
    const leadMail = await ownerDb()
      .selectFrom("outbox")
      .select("payload")
      .where("orgId", "=", s.org.orgId)
      .where("kind", "=", "offer-lead")
      .execute();
    expect(leadMail.map((m) => (m.payload as { variant: string }).variant)).toEqual(["accepted"]);

    // The lead moves the start a week later: unsent touchpoints follow it, with new jobs.
    const firstKit = planned.find((t) => t.kind === "kit" && t.seq === 1);
    expect((await s.leadPost({ intent: "offer-start-date", startDate: ukDateIn(35) })).status).toBe(302);
    expect((await s.offerRow()).startDate).toBe(ukDateIn(35));
    const after = await s.touchpoints();
    const live = after.filter((t) => !t.cancelledAt);
    expect(live.length).toBeGreaterThanOrEqual(planned.length);
    for (const t of live) expect(await queue.getJobState(touchpointJobId(t.id, new Date(t.dueAt)))).toBe("delayed");
    // The weekly emails run up to the new start: there is at least one more week than before.
    expect(live.filter((t) => t.kind === "kit").length).toBeGreaterThan(planned.filter((t) => t.kind === "kit").length);
    expect(after.find((t) => t.id === firstKit?.id)?.cancelledAt).toBeNull();
    const moved = await ownerDb()
      .selectFrom("outbox")
      .select("payload")
      .where("orgId", "=", s.org.orgId)
      .where("kind", "=", "offer-candidate")
      .execute();
    expect(moved.map((m) => (m.payload as { variant: string }).variant).sort()).toEqual(["made", "moved"]);
    // A start date in the past is refused at the field.
    const past = await s.leadPost({ intent: "offer-start-date", startDate: ukDateIn(-2) });
    expect((await past.json()).fieldErrors).toEqual({ startDate: "The start date cannot be in the past" });
  });

  it("declining closes the application with their reason; nothing is planned", async () => {
    const s = await setUp();
    await s.leadPost(s.offerFields());
    expect((await s.candidatePost({ intent: "decline", reason: "The buses do not run early enough" })).status).toBe(302);
    expect((await s.offerRow()).status).toBe("declined");
    expect((await s.offerRow()).declineReason).toBe("The buses do not run early enough");
    expect((await s.application()).stage).toBe("withdrawn");
    expect(await s.lastEvent()).toEqual({ toStage: "withdrawn", reason: "Declined the offer: The buses do not run early enough" });
    expect(await s.touchpoints()).toEqual([]);
    expect((await s.candidatePost({ intent: "accept" })).status).toBe(409);
  });

  it("a withdrawal after accepting (by the candidate or the lead) records the category and cancels every unsent touchpoint", async () => {
    const s = await setUp();
    await s.leadPost(s.offerFields());
    await s.candidatePost({ intent: "accept" });
    // Accepting planned weekly emails and buddy calls up to the start: these are what must stop.
    const planned = (await s.touchpoints()).map((t) => t.id).sort();
    expect(planned).toHaveLength(6);
    const missing = await s.candidatePost({ intent: "withdraw", note: "Sorry" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).fieldErrors).toEqual({ withdrawalReason: "Choose the main reason" });
    // The staff-only reasons are not the candidate's to choose.
    for (const staffOnly of ["checks_failed", "no_reply"]) {
      const refused = await s.candidatePost({ intent: "withdraw", withdrawalReason: staffOnly });
      expect(refused.status).toBe(400);
      expect((await refused.json()).fieldErrors).toEqual({ withdrawalReason: "Choose the main reason" });
      expect((await s.offerRow()).status).toBe("accepted");
    }
    expect((await s.candidatePost({ intent: "withdraw", withdrawalReason: "another_job", note: "Closer to home" })).status).toBe(302);
    const offer = await s.offerRow();
    expect(offer).toMatchObject({ status: "withdrawn", withdrawalReason: "another_job", withdrawalNote: "Closer to home" });
    expect((await s.touchpoints()).every((t) => t.cancelledAt !== null)).toBe(true);
    // The same touchpoints are kept (as history), each cancelled and none sent.
    expect((await s.touchpoints()).map((t) => t.id).sort()).toEqual(planned);
    expect((await s.touchpoints()).filter((t) => t.cancelledAt === null || t.sentAt !== null)).toEqual([]);
    expect(await s.lastEvent()).toEqual({
      toStage: "withdrawn",
      reason: "Withdrew after accepting the offer: They took another job (Closer to home)",
    });

    const t = await setUp();
    await t.leadPost(t.offerFields());
    await t.candidatePost({ intent: "accept" });
    const leadPlanned = (await t.touchpoints()).map((x) => x.id).sort();
    expect(leadPlanned).toHaveLength(6);
    expect((await t.leadPost({ intent: "offer-withdraw", withdrawalReason: "checks_failed" })).status).toBe(302);
    expect((await t.offerRow()).withdrawalReason).toBe("checks_failed");
    expect((await t.touchpoints()).every((x) => x.cancelledAt !== null)).toBe(true);
    expect((await t.touchpoints()).map((x) => x.id).sort()).toEqual(leadPlanned);
    expect((await t.application()).stage).toBe("withdrawn");
  });

  it("the checklist shows stalled checks; the start is confirmed on the day: a new member with their experience, the mix counts them", async () => {
    const s = await setUp("experienced");
    await s.leadPost(s.offerFields({ startDate: ukDateIn(0) }));
    await s.candidatePost({ intent: "accept" });
    const offer = await s.offerRow();
    // The DBS check has been pending for 11 days: stalled, on the page and on /offers.
    await ownerDb()
      .updateTable("prestartChecks")
      .set({ statusChangedAt: new Date(Date.now() - 11 * 86_400_000) })
      .where("offerId", "=", offer.id)
      .where("kind", "=", "dbs")
      .execute();
    const view = await s.leadView();
    expect(view.offer.checks.filter((c) => c.stalled).map((c) => c.kind)).toEqual(["dbs"]);
    const list = await offersLoader({
      request: new Request("http://localhost/offers", { headers: { Cookie: s.lead } }),
      params: {},
      context: {},
    });
    expect(list.offers.find((o) => o.id === offer.id)).toMatchObject({ status: "accepted", stalled: 1 });

    // A note over 1000 characters is refused at the note, with the check's kind and what was typed
    // sent back (the page puts the message beside that check's note); nothing changes.
    const longNote = "x".repeat(1001);
    const tooLong = await s.leadPost({ intent: "offer-check", offerId: offer.id, kind: "dbs", status: "problem", note: longNote });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({
      intent: "offer-check",
      fieldErrors: { note: "Use 1000 characters or fewer" },
      values: { kind: "dbs", status: "problem", note: longNote },
    });
    expect((await s.leadView()).offer.checks.find((c) => c.kind === "dbs")).toMatchObject({ status: "pending", note: "" });

    for (const kind of ["references", "dbs", "right_to_work"]) {
      expect((await s.leadPost({ intent: "offer-check", offerId: offer.id, kind, status: "done", note: `${kind} ok` })).status).toBe(302);
    }
    expect((await s.leadView()).offer.checks.every((c) => c.status === "done" && !c.stalled)).toBe(true);

    const team = async () =>
      teamLoader({
        request: new Request(`http://localhost/teams/${s.org.teamId}`, { headers: { Cookie: s.lead } }),
        params: { teamId: s.org.teamId },
        context: {},
      });
    expect((await team()).mix).toMatchObject({ size: 4, experienced: 2 });
    expect((await s.leadView()).offer.canConfirmStart).toBe(true);
    expect((await s.leadPost({ intent: "offer-confirm-start" })).status).toBe(302);
    const started = await s.offerRow();
    expect(started).toMatchObject({ status: "started", startedOn: ukDateIn(0) });
    const member = await ownerDb()
      .selectFrom("teamMembers")
      .selectAll()
      .where("id", "=", started.memberId as string)
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({
      teamId: s.org.teamId,
      name: "Olivia Grant",
      experience: "experienced",
      joinedOn: ukDateIn(0),
      userId: null,
      email: s.candidateEmail,
    });
    expect((await s.application()).stage).toBe("started");
    const mix = (await team()).mix;
    expect(mix).toMatchObject({ size: 5, experienced: 3 });
    expect((await team()).members.map((m) => m.name)).toContain("Olivia Grant");
    // The check-ins on days 7, 30 and 90 are planned; the weeks before the start are over.
    const checkins = (await s.touchpoints()).filter((t) => t.kind === "checkin" && !t.cancelledAt);
    expect(checkins.map((t) => t.seq)).toEqual([7, 30, 90]);
    for (const t of checkins) expect(await getReminderQueue().getJobState(touchpointJobId(t.id, new Date(t.dueAt)))).toBe("delayed");

    // Leaving the team within 90 days: no more check-ins, and the mix no longer counts them.
    const future = await memberAction({
      request: post(
        `http://localhost/teams/${s.org.teamId}/members/${member.id}`,
        { intent: "left", leftOn: ukDateIn(2), reason: "Moved away" },
        s.lead,
      ),
      params: { teamId: s.org.teamId, memberId: member.id },
      context: {},
    });
    expect(((await (future as Response).json()) as { fieldErrors: unknown }).fieldErrors).toEqual({
      leftOn: "The date they left cannot be in the future",
    });
    const left = await memberAction({
      request: post(
        `http://localhost/teams/${s.org.teamId}/members/${member.id}`,
        { intent: "left", leftOn: ukDateIn(0), reason: "Moved away" },
        s.lead,
      ),
      params: { teamId: s.org.teamId, memberId: member.id },
      context: {},
    });
    expect((left as Response).status).toBe(302);
    expect((await team()).mix).toMatchObject({ size: 4, experienced: 2 });
    expect((await s.touchpoints()).filter((t) => !t.sentAt).every((t) => t.cancelledAt !== null)).toBe(true);
  });

  it("the start cannot be confirmed before the start date, nor by a member who is not the buddy; a moved-by-hand start is refused", async () => {
    const s = await setUp();
    await s.leadPost(s.offerFields({ startDate: ukDateIn(3) }));
    await s.candidatePost({ intent: "accept" });
    const early = await s.leadPost({ intent: "offer-confirm-start" });
    expect(early.status).toBe(409);
    expect((await early.json()).fieldErrors.form).toMatch(/^The start can be confirmed on or after /);
    const byHand = await s.leadPost({ to: "started", expectedStage: "offer" });
    expect(byHand.status).toBe(409);
    expect((await s.application()).stage).toBe("offer");

    // A team member who is not the buddy cannot confirm it; the buddy can, on the day.
    await ownerDb()
      .updateTable("offers")
      .set({ startDate: ukDateIn(0) })
      .where("applicationId", "=", s.applicationId)
      .execute();
    const userFor = async (memberId: string, email: string) => {
      const user = await ownerDb()
        .insertInto("users")
        .values({ orgId: s.org.orgId, email, name: email, role: "member", passwordHash: "unused" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await ownerDb().updateTable("teamMembers").set({ userId: user.id }).where("id", "=", memberId).execute();
      return staffCookie(s.org.orgId, user.id);
    };
    const other = await userFor(s.memberIds[1], `other.${s.applicationId}@example.com`);
    expect((await s.leadPost({ intent: "offer-confirm-start" }, other)).status).toBe(403);
    const buddy = await userFor(s.memberIds[0], `buddy.${s.applicationId}@example.com`);
    expect((await s.leadView(buddy)).offer.canConfirmStart).toBe(true);
    expect((await s.leadPost({ intent: "offer-confirm-start" }, buddy)).status).toBe(302);
    expect((await s.application()).stage).toBe("started");
  });

  it("an accepted offer cannot be closed by the generic decline: the lead is told to withdraw it in the offer section", async () => {
    const s = await setUp();
    await s.leadPost(s.offerFields());
    await s.candidatePost({ intent: "accept" });
    const refused = await s.leadPost({ intent: "decline", reason: "Not the right time", expectedStage: "offer" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).fieldErrors).toEqual({
      form: "This person has accepted the offer. To close the application, withdraw the offer in the offer section and choose the reason.",
    });
    expect((await s.offerRow()).status).toBe("accepted");
    expect((await s.application()).stage).toBe("offer");
    expect((await s.touchpoints()).every((t) => t.cancelledAt === null)).toBe(true);
    // The offer section's withdrawal still closes both.
    expect((await s.leadPost({ intent: "offer-withdraw", withdrawalReason: "personal" })).status).toBe(302);
    expect((await s.offerRow()).status).toBe("withdrawn");
    expect((await s.application()).stage).toBe("withdrawn");
  });

  it("moving the start date clears the no-show flag", async () => {
    const s = await setUp();
    await s.leadPost(s.offerFields({ startDate: ukDateIn(1) }));
    await s.candidatePost({ intent: "accept" });
    await ownerDb()
      .updateTable("offers")
      .set({ startDate: ukDateIn(-5), noShowFlaggedAt: new Date() })
      .where("applicationId", "=", s.applicationId)
      .execute();
    expect((await s.leadPost({ intent: "offer-start-date", startDate: ukDateIn(7) })).status).toBe(302);
    expect(await s.offerRow()).toMatchObject({ status: "accepted", startDate: ukDateIn(7), noShowFlaggedAt: null });
  });

  it("an impossible start date is refused at the field, not a server error", async () => {
    const s = await setUp();
    const year = Number(ukDateIn(0).slice(0, 4)) + 1;
    const bad = await s.leadPost(s.offerFields({ startDate: `${year}-02-31` }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ startDate: "Enter a real date for the start date" });
  });

  it("a no-show is recorded from the start date (not only the day after): closed, and nothing more is sent", async () => {
    const s = await setUp();
    // A start 10 days after accepting plans week 1's email and buddy call, still unsent at the no-show.
    await s.leadPost(s.offerFields({ startDate: ukDateIn(10) }));
    await s.candidatePost({ intent: "accept" });
    const planned = await s.touchpoints();
    expect(planned.map((t) => `${t.kind}:${t.seq}`).sort()).toEqual(["buddy_call:1", "kit:1"]);
    expect(planned.filter((t) => t.cancelledAt !== null || t.sentAt !== null)).toEqual([]);
    expect((await s.leadPost({ intent: "offer-no-show" })).status).toBe(409);
    const startOn = (date: string) =>
      ownerDb().updateTable("offers").set({ startDate: date }).where("applicationId", "=", s.applicationId).execute();
    // The day before the start: too early.
    await startOn(ukDateIn(1));
    expect((await s.leadView()).offer.canRecordNoShow).toBe(false);
    expect((await s.leadPost({ intent: "offer-no-show" })).status).toBe(409);
    // On the start day itself the lead can record it.
    await startOn(ukDateIn(0));
    expect((await s.leadView()).offer.canRecordNoShow).toBe(true);
    expect((await s.leadPost({ intent: "offer-no-show" })).status).toBe(302);
    expect((await s.offerRow()).status).toBe("no_show");
    expect((await s.application()).stage).toBe("withdrawn");
    expect(await s.lastEvent()).toEqual({ toStage: "withdrawn", reason: "Did not start (no-show)" });
    expect((await s.touchpoints()).every((t) => t.cancelledAt !== null || t.sentAt !== null)).toBe(true);
    // Week 1's email and call are cancelled, not sent.
    expect((await s.touchpoints()).map((t) => ({ kind: t.kind, sent: t.sentAt !== null, cancelled: t.cancelledAt !== null }))).toEqual(
      planned.map((t) => ({ kind: t.kind, sent: false, cancelled: true })),
    );
  });

  it("another organisation can neither see nor act on an offer", async () => {
    const s = await setUp();
    await s.leadPost(s.offerFields());
    const riverside = await insertOrg("Riverside Care");
    const theirLead = await staffCookie(riverside.orgId, riverside.leadId);
    const seen = await caught(s.leadView(theirLead));
    expect((seen as Response).status).toBe(404);
    const move = await s.leadPost({ intent: "offer-start-date", startDate: ukDateIn(40) }, theirLead);
    expect(move.status).toBe(404);
    expect((await s.leadPost({ intent: "offer-confirm-start" }, theirLead)).status).toBe(404);
    const list = await offersLoader({
      request: new Request("http://localhost/offers", { headers: { Cookie: theirLead } }),
      params: {},
      context: {},
    });
    expect(list.offers).toEqual([]);
    expect((await s.offerRow()).startDate).toBe(ukDateIn(28));
    // Their candidate cannot open this offer either.
    const other = await ownerDb()
      .insertInto("candidates")
      .values({ orgId: riverside.orgId, email: `x.${s.applicationId}@example.com`, fullName: "X Y", phone: "1" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const cookie = await candidateCookie(riverside.orgId, other.id);
    const url = `http://localhost/me/offer/${s.applicationId}`;
    const res = await caught(
      candidateLoader({
        request: new Request(url, { headers: { Cookie: cookie } }),
        params: { applicationId: s.applicationId },
        context: {},
      }),
    );
    expect((res as Response).status).toBe(404);
    const act = (await candidateAction({
      request: post(url, { intent: "accept" }, cookie),
      params: { applicationId: s.applicationId },
      context: {},
    })) as Response;
    expect(act.status).toBe(404);
    expect((await s.offerRow()).status).toBe("offered");
  });
});

const db = (_s: unknown) => ownerDb();
