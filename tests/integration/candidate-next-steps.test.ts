import { afterAll, describe, expect, it } from "vitest";
import { acceptOffer } from "#app/domain/offers/respond-to-offer.server.js";
import { withdrawAfterAcceptance } from "#app/domain/offers/withdraw-offer.server.js";
import { recordOffer } from "#app/domain/offers/record-offer.server.js";
import { updateCheck } from "#app/domain/offers/update-check.server.js";
import { loadVoterPage } from "#app/domain/votes/vote-view.server.js";
import { openVote } from "#app/domain/votes/open-vote.server.js";
import { loader as meLoader } from "#app/routes/me.js";
import { action as adjustmentsAction, loader as adjustmentsLoader } from "#app/routes/me_.adjustments.$applicationId.js";
import { loader as offerLoader } from "#app/routes/me_.offer.$applicationId.js";
import { loader as offersLoader } from "#app/routes/offers._index.js";
import { listEventsForApplication } from "#db/queries/applications.js";
import { withOrg } from "#db/tenant.js";
import { insertOfferReady, ukDateIn } from "#tests/factories/offer.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { candidateCookie, insertHost, insertShift } from "#tests/factories/shadow.js";
import { loader as shadowLoader } from "#app/routes/shadow._index.js";
import { staffCookie } from "#tests/factories/org.js";
import { insertTeamAndShadowCandidate } from "#tests/factories/vote.js";
import { caught } from "#tests/support/caught.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
const post = (path: string, cookie: string, entries: [string, string][]) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
    body: new URLSearchParams(entries).toString(),
  });

/** A candidate who has accepted an offer with its three pre-start checks. */
async function acceptedOffer() {
  const s = await insertOfferReady();
  const cookie = await candidateCookie(s.org.orgId, s.candidateId);
  const { offerId } = await runInOrg(s.org.orgId, (ctx) =>
    recordOffer(ctx, {
      applicationId: s.applicationId,
      input: {
        teamId: s.org.teamId,
        buddyMemberId: s.memberIds[0],
        roleTitle: "Care and support worker",
        hours: "24 hours a week",
        pay: "£12.60 an hour",
        startDate: ukDateIn(28),
      },
      actor: { userId: s.org.leadId, name: "Lena Hart" },
    }),
  );
  await runInOrg(s.org.orgId, (ctx) =>
    acceptOffer(ctx, { applicationId: s.applicationId, candidateId: s.candidateId, name: "Olivia Grant" }),
  );
  return { ...s, cookie, offerId };
}

describe("a candidate who accepted an offer sees the checks before their first day", () => {
  it("lists each check with where it is and what to do, counts the done ones on /me, and never shows the staff note", async () => {
    const s = await acceptedOffer();
    const offerPage = () =>
      offerLoader({ request: get(`/me/offer/${s.applicationId}`, s.cookie), params: { applicationId: s.applicationId }, context: {} });
    const mine = async () => {
      const me = await meLoader({ request: get("/me", s.cookie), params: {}, context: {} });
      if (!me.signedIn) throw new Error("expected to be signed in");
      return me.applications.find((a) => a.id === s.applicationId);
    };

    const before = await offerPage();
    expect(before.checks.map((c) => [c.title, c.state])).toEqual([
      ["Right to work in the UK", "Not done yet"],
      ["DBS check", "Not done yet"],
      ["References", "Not done yet"],
    ]);
    expect(before.checks[1].todo).toContain("We will email you a link to a form");
    expect((await mine())?.checks).toEqual({ done: 0, total: 3 });

    await withOrg(ownerDb(), s.org.orgId, async (trx) => {
      await updateCheck(trx, { offerId: s.offerId, kind: "dbs", status: "done", actorName: "Lena Hart" });
      await updateCheck(trx, {
        offerId: s.offerId,
        kind: "references",
        status: "problem",
        note: "Referee says she was dismissed",
        actorName: "Lena Hart",
      });
    });
    const after = await offerPage();
    expect(after.checks.map((c) => c.state)).toEqual(["Not done yet", "Done", "We need to talk to you"]);
    expect(after.checks[1].todo).toBeNull();
    expect(JSON.stringify(after)).not.toContain("dismissed");
    expect((await mine())?.checks).toEqual({ done: 1, total: 3 });
  });
});

describe("a candidate's adjustments reach everyone they meet, and they can change them from /me", () => {
  it("saves the change, puts it on the history, and the voters and the offers list read the new words", async () => {
    const s = await acceptedOffer();
    const path = `/me/adjustments/${s.applicationId}`;
    const response = (await adjustmentsAction({
      request: post(path, s.cookie, [
        ["adjustments", "quiet_space"],
        ["adjustments", "call_instead"],
        ["adjustmentsNote", "I am deaf in one ear, so please face me when you talk."],
      ]),
      params: { applicationId: s.applicationId },
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    expect(
      await adjustmentsLoader({ request: get(path, s.cookie), params: { applicationId: s.applicationId }, context: {} }),
    ).toMatchObject({
      adjustments: ["quiet_space", "call_instead"],
      adjustmentsNote: "I am deaf in one ear, so please face me when you talk.",
    });
    const events = await withOrg(ownerDb(), s.org.orgId, (trx) => listEventsForApplication(trx, s.applicationId));
    expect(events.map((e) => e.reason)).toContain("Changed the adjustments they asked for");

    const offers = await offersLoader({ request: get("/offers", s.lead), params: {}, context: {} });
    expect(offers.offers.find((o) => o.applicationId === s.applicationId)).toMatchObject({
      adjustments: ["quiet_space", "call_instead"],
      adjustmentsNote: "I am deaf in one ear, so please face me when you talk.",
    });
  });

  it("the team who vote see what the candidate asked for", async () => {
    const org = await insertOrg();
    const team = await insertTeamAndShadowCandidate(org.orgId, org.teamId, org.vacancyId, { members: 3 });
    const cookie = await candidateCookie(org.orgId, team.candidateId);
    await adjustmentsAction({
      request: post(`/me/adjustments/${team.applicationId}`, cookie, [
        ["adjustments", "extra_time"],
        ["adjustmentsNote", "I read slowly."],
      ]),
      params: { applicationId: team.applicationId },
      context: {},
    });
    const { voteId } = await runInOrg(org.orgId, (ctx) =>
      openVote(ctx, { applicationId: team.applicationId, actor: { userId: org.leadId, name: "Lee Lead" } }),
    );
    const page = await withOrg(ownerDb(), org.orgId, (trx) => loadVoterPage(trx, voteId, team.memberIds[0]));
    expect(page?.candidate).toMatchObject({ adjustments: ["extra_time"], adjustmentsNote: "I read slowly." });
  });

  it("the team member hosting the shadow shift sees them beside the candidate's name", async () => {
    const org = await insertOrg();
    const team = await insertTeamAndShadowCandidate(org.orgId, org.teamId, org.vacancyId, { members: 2 });
    const host = await insertHost(org.orgId, org.teamId);
    await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: host.memberId,
      applicationId: team.applicationId,
      startsAt: new Date(Date.now() + 3 * 86_400_000),
    });
    const cookie = await candidateCookie(org.orgId, team.candidateId);
    const saved = (await adjustmentsAction({
      request: post(`/me/adjustments/${team.applicationId}`, cookie, [
        ["adjustments", "step_free"],
        ["adjustmentsNote", ""],
      ]),
      params: { applicationId: team.applicationId },
      context: {},
    })) as Response;
    expect(saved.status).toBe(302);
    const page = await shadowLoader({ request: get("/shadow", await staffCookie(org.orgId, host.userId)), params: {}, context: {} });
    expect(page.shifts.find((s) => s.applicationId === team.applicationId)).toMatchObject({ adjustments: ["step_free"] });
  });

  it("refuses a note that is too long with a message by the field, and keeps what was there", async () => {
    const s = await acceptedOffer();
    const path = `/me/adjustments/${s.applicationId}`;
    const response = (await adjustmentsAction({
      request: post(path, s.cookie, [["adjustmentsNote", "x".repeat(1001)]]),
      params: { applicationId: s.applicationId },
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { adjustmentsNote: "Use 1000 characters or fewer" } });
    expect(
      await adjustmentsLoader({ request: get(path, s.cookie), params: { applicationId: s.applicationId }, context: {} }),
    ).toMatchObject({
      adjustments: [],
      adjustmentsNote: "",
    });
  });

  it("another candidate's application is not found, and a closed one cannot change", async () => {
    const s = await acceptedOffer();
    const other = await acceptedOffer();
    const path = `/me/adjustments/${s.applicationId}`;
    expect(
      await caught(adjustmentsLoader({ request: get(path, other.cookie), params: { applicationId: s.applicationId }, context: {} })),
    ).toMatchObject({
      status: 404,
    });
    expect(
      await caught(
        adjustmentsAction({
          request: post(path, other.cookie, [["adjustmentsNote", "mine"]]),
          params: { applicationId: s.applicationId },
          context: {},
        }),
      ),
    ).toMatchObject({ status: 404 });
    // They tell us they will not start after all: the application closes (as the offer page does it).
    await runInOrg(s.org.orgId, (ctx) =>
      withdrawAfterAcceptance(ctx, {
        applicationId: s.applicationId,
        candidateId: s.candidateId,
        reason: "another_job",
        note: "",
        actor: { userId: null, name: "Olivia Grant" },
      }),
    );
    const response = (await adjustmentsAction({
      request: post(path, s.cookie, [["adjustmentsNote", "late"]]),
      params: { applicationId: s.applicationId },
      context: {},
    })) as Response;
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ fieldErrors: { form: "This application has closed, so there is nothing to change." } });
  });
});
