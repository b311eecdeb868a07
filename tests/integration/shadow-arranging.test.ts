import { afterAll, describe, expect, it } from "vitest";
import { moveApplication } from "#app/domain/applications/move-application.server.js";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { offerSlot } from "#app/domain/shadow/offer-slot.server.js";
import { moveShift, proposeShift } from "#app/domain/shadow/propose-shift.server.js";
import type { StaffActor } from "#app/domain/shadow/shadow-access.server.js";
import { londonToUtc } from "#app/domain/workshops/london-time.js";
import { pickSlot } from "#app/domain/shadow/pick-slot.server.js";
import { ShadowError } from "#app/domain/shadow/shadow.errors.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { action as shadowPageAction, loader as shadowPageLoader } from "#app/routes/me_.shadow.$applicationId.js";
import { action as pipelineAction, loader as pipelineLoader } from "#app/routes/pipeline.$applicationId/route.js";
import { action as staffShadowAction, loader as staffShadowLoader } from "#app/routes/shadow._index.js";
import { loader as feedbackLoader } from "#app/routes/shadow.$shiftId.feedback.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { candidateCookie, dateIn, insertHost, insertShadowApplications, insertShift } from "#tests/factories/shadow.js";
import { insertInvitedApplications } from "#tests/factories/workshop.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

const mailbox = () => process.env.RESEND_BASE_URL as string;
const VISIT = "Mrs Brown at home, 8 Hill Road";

/** Sends every pending outbox email of the organisation now (as the worker would). */
async function deliverPending(orgId: string) {
  const rows = await withOrg(getDb(), orgId, (trx) =>
    trx.selectFrom("outbox").select("id").where("sentAt", "is", null).orderBy("createdAt").execute(),
  );
  for (const row of rows) await deliverOutboxEmail(getDb(), orgId, row.id);
}

const post = (url: string, cookie: string, body: Record<string, string>) =>
  new Request(url, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(body) });

async function asResponse(promise: Promise<unknown>) {
  try {
    return (await promise) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const shiftForm = (hostMemberId: string, extra: Record<string, string> = {}) => ({
  hostMemberId,
  date: dateIn(5),
  startTime: "10:00",
  endTime: "14:00",
  meetingPoint: "Ashdown library, front door",
  visitDetails: VISIT,
  bringAndWear: "Comfortable shoes",
  ...extra,
});

describe("arranging a shadow shift", () => {
  it("a lead proposes a time; the candidate sees where to meet but not the visit until they accept, in the page and the emails", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const host = await insertHost(org.orgId, org.teamId, "Grace Lee");
    const [me] = await insertShadowApplications(org.orgId, org.vacancyId, 1);
    const lead = await staffCookie(org.orgId, org.leadId);
    const pipelineUrl = `http://localhost/pipeline/${me.applicationId}`;
    const pipelineParams = { applicationId: me.applicationId };

    // A problem is named at the field, and what was typed comes back.
    const bad = await asResponse(
      pipelineAction({
        request: post(pipelineUrl, lead, { intent: "shadow-propose", ...shiftForm(host.memberId, { meetingPoint: " " }) }),
        params: pipelineParams,
        context: {},
      }),
    );
    expect(bad.status).toBe(400);
    const badBody = await bad.json();
    expect(badBody.fieldErrors).toEqual({ meetingPoint: "Enter where to meet" });
    expect(badBody.values.visitDetails).toBe(VISIT);

    const proposed = await asResponse(
      pipelineAction({
        request: post(pipelineUrl, lead, { intent: "shadow-propose", ...shiftForm(host.memberId) }),
        params: pipelineParams,
        context: {},
      }),
    );
    expect(proposed.status).toBe(302);

    const cookie = await candidateCookie(org.orgId, me.candidateId);
    const url = `http://localhost/me/shadow/${me.applicationId}`;
    const params = { applicationId: me.applicationId };
    const before = await shadowPageLoader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} });
    expect(before.shift).toMatchObject({ status: "proposed", meetingPoint: "Ashdown library, front door", visitDetails: null });
    expect(JSON.stringify(before)).not.toContain("Hill Road");
    await deliverPending(org.orgId);
    const proposal = (await fetchCaptured(mailbox(), me.email)).find((m) => m.subject.startsWith("Can you do this shadow shift?"));
    expect(proposal?.text).toContain("Ashdown library, front door");
    expect(`${proposal?.html}${proposal?.text}`).not.toContain("Hill Road");

    // Staff see the visit details on the application page.
    const staffView = await pipelineLoader({
      request: new Request(pipelineUrl, { headers: { Cookie: lead } }),
      params: pipelineParams,
      context: {},
    });
    expect(staffView.shadow.live?.visitDetails).toBe(VISIT);
    expect(staffView.shadow.summary.shift).toMatchObject({ hostName: "Grace Lee", status: "proposed" });

    const accepted = await asResponse(shadowPageAction({ request: post(url, cookie, { intent: "accept" }), params, context: {} }));
    expect(accepted.headers.get("Location")).toBe(`/me/shadow/${me.applicationId}?confirmed=1`);
    const after = await shadowPageLoader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} });
    expect(after.shift).toMatchObject({ status: "confirmed", visitDetails: VISIT });
    await deliverPending(org.orgId);
    const confirmed = (await fetchCaptured(mailbox(), me.email)).find((m) => m.subject.startsWith("Your shadow shift is confirmed"));
    expect(confirmed?.text).toContain("Hill Road");
    const hostMail = await fetchCaptured(mailbox(), host.email);
    expect(hostMail.map((m) => m.subject)).toEqual([expect.stringMatching(/^Candidate 0 is coming on your shadow shift: /)]);
  });

  it("moving a confirmed shift sends it back to the candidate to accept, without the visit details", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const host = await insertHost(org.orgId, org.teamId);
    const [me] = await insertShadowApplications(org.orgId, org.vacancyId, 1);
    const { shiftId } = await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: host.memberId,
      applicationId: me.applicationId,
      startsAt: new Date(Date.now() + 4 * 86_400_000),
      visitDetails: VISIT,
    });
    const lead = await staffCookie(org.orgId, org.leadId);
    const moved = await asResponse(
      pipelineAction({
        request: post(`http://localhost/pipeline/${me.applicationId}`, lead, {
          intent: "shadow-move",
          shiftId,
          ...shiftForm(host.memberId, { date: dateIn(8) }),
        }),
        params: { applicationId: me.applicationId },
        context: {},
      }),
    );
    expect(moved.status).toBe(302);
    const shift = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("shadowShifts").selectAll().where("id", "=", shiftId).executeTakeFirstOrThrow(),
    );
    expect(shift).toMatchObject({ status: "proposed", sequence: 1 });
    await deliverPending(org.orgId);
    const [email] = await fetchCaptured(mailbox(), me.email);
    expect(email.subject).toMatch(/^Your shadow shift has moved: /);
    expect(email.text).not.toContain("Hill Road");
  });

  it("entering the shadow step invites the candidate to choose a shift, once", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const [me] = await insertInvitedApplications(org.orgId, org.vacancyId, 1);
    await runInOrg(org.orgId, (ctx) =>
      moveApplication(ctx, { applicationId: me.applicationId, to: "shadow", actor: { userId: org.leadId, name: "Lee Lead" } }),
    );
    await deliverPending(org.orgId);
    expect((await fetchCaptured(mailbox(), me.email)).map((m) => m.subject)).toEqual(["Choose a time for your shadow shift"]);
  });

  it("two candidates picking the same open slot at once: one gets it, the other is told it has gone", async () => {
    const org = await insertOrg();
    const host = await insertHost(org.orgId, org.teamId);
    const people = await insertShadowApplications(org.orgId, org.vacancyId, 6);
    const actor = { userId: host.userId, name: host.name, role: "member" as const };
    for (let round = 0; round < 3; round++) {
      const { shiftId } = await withOrg(getDb(), org.orgId, (trx) =>
        offerSlot(trx, actor, shiftForm(host.memberId, { date: dateIn(3 + round) })),
      );
      const [a, b] = people.slice(round * 2, round * 2 + 2);
      const results = await Promise.allSettled(
        [a, b].map((p) =>
          runInOrg(org.orgId, (ctx) => pickSlot(ctx, { applicationId: p.applicationId, candidateId: p.candidateId, slotId: shiftId })),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(ShadowError);
      expect((refused.reason as ShadowError).code).toBe("taken");
      const slot = await withOrg(getDb(), org.orgId, (trx) =>
        trx.selectFrom("shadowShifts").selectAll().where("id", "=", shiftId).executeTakeFirstOrThrow(),
      );
      const winner = results[0].status === "fulfilled" ? a : b;
      expect(slot).toMatchObject({ status: "confirmed", applicationId: winner.applicationId });
    }
  });

  it("a candidate who cancels an offered slot gives it back (the host is told) and can pick again", async () => {
    const org = await insertOrg();
    const host = await insertHost(org.orgId, org.teamId);
    const [me] = await insertShadowApplications(org.orgId, org.vacancyId, 1);
    const actor = { userId: host.userId, name: host.name, role: "member" as const };
    const { shiftId } = await withOrg(getDb(), org.orgId, (trx) => offerSlot(trx, actor, shiftForm(host.memberId)));
    const cookie = await candidateCookie(org.orgId, me.candidateId);
    const url = `http://localhost/me/shadow/${me.applicationId}`;
    const params = { applicationId: me.applicationId };
    const page = await shadowPageLoader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} });
    expect(page.slots.map((s) => s.id)).toEqual([shiftId]);
    expect(JSON.stringify(page)).not.toContain("Hill Road");

    const missing = await asResponse(shadowPageAction({ request: post(url, cookie, { intent: "pick" }), params, context: {} }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ fieldErrors: { slotId: "Choose a time" } });

    await asResponse(shadowPageAction({ request: post(url, cookie, { intent: "pick", slotId: shiftId }), params, context: {} }));
    const cancelled = await asResponse(shadowPageAction({ request: post(url, cookie, { intent: "cancel" }), params, context: {} }));
    expect(cancelled.headers.get("Location")).toContain("cancelled=1");
    const slot = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("shadowShifts").selectAll().where("id", "=", shiftId).executeTakeFirstOrThrow(),
    );
    expect(slot).toMatchObject({ status: "open", applicationId: null, sequence: 1 });
    await deliverPending(org.orgId);
    expect((await fetchCaptured(mailbox(), host.email)).map((m) => m.subject)).toContain("Candidate 0 cannot come to your shadow shift");

    const again = await shadowPageLoader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} });
    expect(again.shift).toBeNull();
    expect(again.slots.map((s) => s.id)).toEqual([shiftId]);
  });

  it("a team member offers only their own time; a member of another team cannot arrange for this one", async () => {
    const org = await insertOrg();
    const grace = await insertHost(org.orgId, org.teamId, "Grace Lee");
    const tom = await insertHost(org.orgId, org.teamId, "Tom Brennan");
    const cookie = await staffCookie(org.orgId, grace.userId);
    const refused = await asResponse(
      staffShadowAction({ request: post("http://localhost/shadow", cookie, shiftForm(tom.memberId)), params: {}, context: {} }),
    );
    expect(refused.status).toBe(403);
    expect((await refused.json()).fieldErrors).toEqual({ hostMemberId: "You can only offer your own time." });
    const offered = await asResponse(
      staffShadowAction({ request: post("http://localhost/shadow", cookie, shiftForm(grace.memberId)), params: {}, context: {} }),
    );
    expect(offered.headers.get("Location")).toBe("/shadow?offered=1");
    const page = await staffShadowLoader({
      request: new Request("http://localhost/shadow", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(page.hosts.map((h) => h.label)).toEqual(["Grace Lee (Ashdown)"]);
    expect(page.shifts).toHaveLength(1);
  });

  it("offering, proposing and moving check the host and the time alike, and store the shift as entered", async () => {
    const org = await insertOrg();
    const grace = await insertHost(org.orgId, org.teamId, "Grace Lee");
    const other = await withOrg(ownerDb(), org.orgId, async (trx) => {
      const { regionId } = await trx.selectFrom("teams").select("regionId").where("id", "=", org.teamId).executeTakeFirstOrThrow();
      return trx.insertInto("teams").values({ name: "Bramley", town: "Bramley", regionId }).returning("id").executeTakeFirstOrThrow();
    });
    const omar = await insertHost(org.orgId, other.id, "Omar Other");
    const [me] = await insertShadowApplications(org.orgId, org.vacancyId, 1);
    const lead: StaffActor = { userId: org.leadId, name: "Lee Lead", role: "lead" };
    const inOrg = <T>(work: Parameters<typeof withOrg<T>>[2]) => withOrg(getDb(), org.orgId, work);
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => null,
        (error) => (error instanceof ShadowError ? error.message : Promise.reject(error)),
      );
    const shifts = () => inOrg((trx) => trx.selectFrom("shadowShifts").selectAll().orderBy("createdAt").execute());
    const past = shiftForm(grace.memberId, { date: dateIn(-1) });
    const otherTeamsHost = shiftForm(omar.memberId);

    expect(await refusal(inOrg((trx) => offerSlot(trx, lead, past)))).toBe("Choose a time in the future.");
    expect(await refusal(runInOrg(org.orgId, (ctx) => proposeShift(ctx, lead, me.applicationId, past)))).toBe(
      "Choose a time in the future.",
    );
    expect(await refusal(runInOrg(org.orgId, (ctx) => proposeShift(ctx, lead, me.applicationId, otherTeamsHost)))).toBe(
      "Choose a host from the team's members.",
    );
    expect(await shifts()).toEqual([]);

    const { visitDetails: _v, bringAndWear: _b, ...withoutOptional } = shiftForm(grace.memberId);
    const { shiftId: slotId } = await inOrg((trx) => offerSlot(trx, lead, withoutOptional));
    const { shiftId: proposedId } = await runInOrg(org.orgId, (ctx) =>
      proposeShift(ctx, lead, me.applicationId, shiftForm(grace.memberId)),
    );
    const common = {
      teamId: org.teamId,
      hostMemberId: grace.memberId,
      startsAt: londonToUtc(dateIn(5), "10:00"),
      endsAt: londonToUtc(dateIn(5), "14:00"),
      meetingPoint: "Ashdown library, front door",
      createdBy: org.leadId,
      sequence: 0,
    };
    const stored = await shifts();
    expect(stored).toMatchObject([
      { ...common, id: slotId, applicationId: null, origin: "offered", status: "open", visitDetails: "", bringAndWear: "" },
      {
        ...common,
        id: proposedId,
        applicationId: me.applicationId,
        origin: "proposed",
        status: "proposed",
        visitDetails: VISIT,
        bringAndWear: "Comfortable shoes",
      },
    ]);

    expect(await refusal(runInOrg(org.orgId, (ctx) => moveShift(ctx, lead, proposedId, past)))).toBe("Choose a time in the future.");
    expect(await refusal(runInOrg(org.orgId, (ctx) => moveShift(ctx, lead, proposedId, otherTeamsHost)))).toBe(
      "Choose a host from the team's members.",
    );
    expect(await shifts()).toEqual(stored);
  });
});

describe("shadow shift tenancy", () => {
  it("riverside can neither see nor change oakfield's shifts", async () => {
    const oakfield = await insertOrg("Oakfield");
    const riverside = await insertOrg("Riverside");
    const host = await insertHost(oakfield.orgId, oakfield.teamId);
    const [me] = await insertShadowApplications(oakfield.orgId, oakfield.vacancyId, 1);
    const { shiftId } = await insertShift(oakfield.orgId, {
      teamId: oakfield.teamId,
      hostMemberId: host.memberId,
      applicationId: me.applicationId,
      startsAt: new Date(Date.now() - 5 * 3_600_000),
    });
    const rivals = await staffCookie(riverside.orgId, riverside.leadId);

    const list = await staffShadowLoader({
      request: new Request("http://localhost/shadow", { headers: { Cookie: rivals } }),
      params: {},
      context: {},
    });
    expect(list.shifts).toEqual([]);
    expect(list.hosts.map((h) => h.id)).not.toContain(host.memberId);

    const cancel = await asResponse(
      staffShadowAction({ request: post("http://localhost/shadow", rivals, { intent: `cancel:${shiftId}` }), params: {}, context: {} }),
    );
    expect(cancel.status).toBe(404);
    const feedback = await asResponse(
      feedbackLoader({
        request: new Request(`http://localhost/shadow/${shiftId}/feedback`, { headers: { Cookie: rivals } }),
        params: { shiftId },
        context: {},
      }),
    );
    expect(feedback.status).toBe(404);
    const propose = await asResponse(
      pipelineAction({
        request: post(`http://localhost/pipeline/${me.applicationId}`, rivals, { intent: "shadow-propose", ...shiftForm(host.memberId) }),
        params: { applicationId: me.applicationId },
        context: {},
      }),
    );
    expect(propose.status).toBe(404);

    const seen = await withOrg(getDb(), riverside.orgId, (trx) =>
      trx.selectFrom("shadowShifts").select("id").where("id", "=", shiftId).execute(),
    );
    expect(seen).toEqual([]);
    const updated = await withOrg(getDb(), riverside.orgId, (trx) =>
      trx.updateTable("shadowShifts").set({ status: "cancelled" }).where("id", "=", shiftId).executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
    const still = await withOrg(getDb(), oakfield.orgId, (trx) =>
      trx.selectFrom("shadowShifts").select("status").where("id", "=", shiftId).executeTakeFirstOrThrow(),
    );
    expect(still.status).toBe("confirmed");
  });
});
