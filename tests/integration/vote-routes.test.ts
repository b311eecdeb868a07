import { caught } from "#tests/support/caught.js";
import { afterAll, describe, expect, it } from "vitest";
import { createVoteLink } from "#app/domain/links/vote-links.server.js";
import { startSession } from "#app/utils/session.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { findLatestVoteForApplication } from "#db/queries/votes.js";
import { loader as meLoader } from "#app/routes/me.js";
import { action as applicationAction, loader as applicationLoader } from "#app/routes/pipeline.$applicationId/route.js";
import { action as settingsAction } from "#app/routes/settings.voting.js";
import { action as voteAction, loader as voteLoader } from "#app/routes/vote.$token.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { insertTeamAndShadowCandidate } from "#tests/factories/vote.js";

afterAll(closeOwnerDb);

const post = (url: string, fields: Record<string, string>, cookie?: string) =>
  new Request(url, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { Cookie: cookie } : {} });

/** An organisation with a 3-member team, a candidate at the shadow step, and the lead signed in. */
async function setUp() {
  const org = await insertOrg();
  const people = await insertTeamAndShadowCandidate(org.orgId, org.teamId, org.vacancyId, { members: 3 });
  const lead = await staffCookie(org.orgId, org.leadId);
  const appUrl = `http://localhost/pipeline/${people.applicationId}`;
  const params = { applicationId: people.applicationId };
  const leadView = async () => applicationLoader({ request: new Request(appUrl, { headers: { Cookie: lead } }), params, context: {} });
  const leadPost = (fields: Record<string, string>) => applicationAction({ request: post(appUrl, fields, lead), params, context: {} });
  return { org, ...people, lead, appUrl, params, leadView, leadPost };
}

/** A personal voting link's token for each member. */
async function linksFor(orgId: string, voteId: string, memberIds: string[]) {
  return withOrg(ownerDb(), orgId, async (trx) => {
    const tokens: string[] = [];
    for (const id of memberIds) tokens.push((await createVoteLink(trx, "http://localhost", voteId, id)).split("/vote/")[1]);
    return tokens;
  });
}

const voterView = (token: string) => voteLoader({ request: new Request(`http://localhost/vote/${token}`), params: { token }, context: {} });
const vote = (token: string, fields: Record<string, string>) =>
  voteAction({ request: post(`http://localhost/vote/${token}`, fields), params: { token }, context: {} }) as Promise<Response>;

describe("the team vote through its pages", () => {
  it("keeps every vote secret from the voter, the lead and the candidate until the close, then shows the result", async () => {
    const s = await setUp();
    expect(((await s.leadPost({ intent: "open-vote" })) as Response).status).toBe(302);
    const opened = await withOrg(getDb(), s.org.orgId, (trx) => findLatestVoteForApplication(trx, s.applicationId));
    const [a, b, c] = await linksFor(s.org.orgId, opened?.id as string, s.memberIds);

    // A concern without a comment is refused at the field, and nothing is saved.
    const bad = await vote(b, { intent: "vote", choice: "concern", comment: "" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ comment: "Say what your concern is, so the team and the lead can talk about it" });
    expect((await voterView(b)).ownBallot).toBeUndefined();

    expect((await vote(b, { intent: "vote", choice: "concern", comment: "Quiet with Mr T" })).status).toBe(302);
    // Someone recorded for member C by the lead (C was on shift).
    expect(
      ((await s.leadPost({ intent: "proxy-vote", teamMemberId: s.memberIds[2], choice: "yes", comment: "" })) as Response).status,
    ).toBe(302);

    const forA = await voterView(a);
    expect(forA.results).toBeNull();
    expect(forA.ownBallot).toBeUndefined();
    expect(JSON.stringify(forA)).not.toMatch(/Quiet with Mr T|"concern"|"yes"/);
    expect(forA.mix.text).toMatch(
      /^Today 1 experienced, 2 new to care \(33% experienced\)\. With this hire: 1 experienced, 3 new to care \(25% experienced\)/,
    );

    const forLead = await s.leadView();
    expect(forLead.vote.results).toBeNull();
    expect(forLead.vote.turnout).toEqual({ eligible: 3, voted: 2, unconfirmed: 1 });
    expect(JSON.stringify(forLead)).not.toMatch(/Quiet with Mr T|"concern"/);
    expect(forLead.vote.audit.map((x) => x.action)).toEqual(["recorded_for"]);

    const candidate = await withOrg(ownerDb(), s.org.orgId, (trx) => startSession(trx, { candidateId: s.candidateId }));
    const forCandidate = await meLoader({
      request: new Request("http://localhost/me", { headers: { Cookie: candidate.split(";")[0] } }),
      params: {},
      context: {},
    });
    expect(JSON.stringify(forCandidate)).not.toMatch(/Quiet with Mr T|concern|Member \d/);
    expect(JSON.stringify(forCandidate)).toMatch(/The team is deciding/);

    // C confirms; A votes last, which closes the vote (everyone has voted).
    expect((await vote(c, { intent: "vote", choice: "yes", comment: "" })).headers.get("Location")).toMatch(/voted=confirmed/);
    expect((await vote(a, { intent: "vote", choice: "yes", comment: "" })).status).toBe(302);
    const after = await s.leadView();
    expect(after.application.stage).toBe("offer");
    expect(after.vote.results).toMatchObject({
      outcome: "passed",
      result: { eligible: 3, cast: 3, yes: 2, concern: 1, no: 0 },
      names: null,
      comments: [{ choice: "concern", comment: "Quiet with Mr T", name: null }],
    });
    expect((await voterView(a)).results?.outcome).toBe("passed");
    // A late change is refused with a clear message.
    const late = await vote(a, { intent: "vote", choice: "no", comment: "Changed my mind" });
    expect(late.status).toBe(409);
    expect((await late.json()).fieldErrors.choice).toMatch(/This vote closed on .* so this was not counted/);
  });

  it("a lead cannot skip the vote: moving to the vote or the offer by hand is refused", async () => {
    const s = await setUp();
    const skip = (await s.leadPost({ to: "vote", expectedStage: "shadow" })) as Response;
    expect(skip.status).toBe(409);
    expect((await skip.json()).fieldErrors.form).toMatch(/Open the team vote instead/);
    await s.leadPost({ intent: "open-vote" });
    const offer = (await s.leadPost({ to: "offer", expectedStage: "vote" })) as Response;
    expect(offer.status).toBe(409);
    // Nor can the start be made by hand: it is confirmed in the offer section.
    const started = (await s.leadPost({ to: "started", expectedStage: "vote" })) as Response;
    expect(started.status).toBe(409);
    expect((await started.json()).fieldErrors.form).toBe("Confirm the start in the offer section, on or after the start date.");
    expect((await s.leadView()).application.stage).toBe("vote");
  });

  it("after a vote that did not pass, the lead's own words go to the candidate and the application closes", async () => {
    const s = await setUp();
    await s.leadPost({ intent: "open-vote" });
    const opened = await withOrg(getDb(), s.org.orgId, (trx) => findLatestVoteForApplication(trx, s.applicationId));
    const tokens = await linksFor(s.org.orgId, opened?.id as string, s.memberIds);
    const objection = await vote(tokens[0], { intent: "vote", choice: "no", comment: "" });
    expect(objection.status).toBe(400); // under consent a No needs its reason
    await vote(tokens[0], { intent: "vote", choice: "no", comment: "Did not listen to Mrs K" });
    for (const token of tokens.slice(1)) await vote(token, { intent: "vote", choice: "yes", comment: "" });
    const closed = await s.leadView();
    expect(closed.vote.results?.outcome).toBe("not_passed");
    expect(closed.application.stage).toBe("vote");

    const short = (await s.leadPost({ intent: "candidate-message", message: "Sorry." })) as Response;
    expect(short.status).toBe(400);
    expect((await short.json()).fieldErrors.message).toBe("Write a message to the candidate of at least a sentence");
    const sent = (await s.leadPost({ intent: "candidate-message", message: closed.draftMessage })) as Response;
    expect(sent.status).toBe(302);
    const after = await s.leadView();
    expect(after.application.stage).toBe("declined");
    const outbox = await withOrg(ownerDb(), s.org.orgId, (trx) =>
      trx.selectFrom("outbox").select("kind").where("kind", "=", "vote-candidate-message").execute(),
    );
    expect(outbox).toHaveLength(1);
  });

  it("the organisation's settings decide the rule; bad settings are refused at the field", async () => {
    const s = await setUp();
    const settingsUrl = "http://localhost/settings/voting";
    const bad = (await settingsAction({
      request: post(settingsUrl, { voteRule: "majority", voteQuorum: "half", voteWindowHours: "10", voteVisibility: "open" }, s.lead),
      params: {},
      context: {},
    })) as Response;
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ voteWindowHours: "Give the team at least 24 hours" });
    await settingsAction({
      request: post(settingsUrl, { voteRule: "majority", voteQuorum: "half", voteWindowHours: "48", voteVisibility: "open" }, s.lead),
      params: {},
      context: {},
    });
    await s.leadPost({ intent: "open-vote" });
    const opened = await withOrg(getDb(), s.org.orgId, (trx) => findLatestVoteForApplication(trx, s.applicationId));
    expect(opened).toMatchObject({ rule: "majority", quorum: "half", visibility: "open" });
    expect(new Date(opened?.closesAt as Date).getTime() - new Date(opened?.openedAt as Date).getTime()).toBe(48 * 3_600_000);
    const [a, b, c] = await linksFor(s.org.orgId, opened?.id as string, s.memberIds);
    await vote(a, { intent: "vote", choice: "no", comment: "" }); // under majority a No needs no reason
    await vote(b, { intent: "vote", choice: "yes", comment: "Kind and calm" });
    await vote(c, { intent: "vote", choice: "yes", comment: "" });
    const results = (await voterView(a)).results;
    expect(results?.outcome).toBe("passed");
    expect(results?.names).toEqual([
      { name: "Member 1", choice: "no" },
      { name: "Member 2", choice: "yes" },
      { name: "Member 3", choice: "yes" },
    ]);
  });

  it("a lead of another organisation can neither see nor open nor record in this vote", async () => {
    const s = await setUp();
    const riverside = await insertOrg("Riverside");
    const otherLead = await staffCookie(riverside.orgId, riverside.leadId);
    const read = await caught(
      applicationLoader({ request: new Request(s.appUrl, { headers: { Cookie: otherLead } }), params: s.params, context: {} }),
    );
    expect((read as Response).status).toBe(404);
    const open = await applicationAction({
      request: post(s.appUrl, { intent: "open-vote" }, otherLead),
      params: s.params,
      context: {},
    }).catch((thrown) => thrown);
    expect((open as Response).status).toBeGreaterThanOrEqual(400);
    expect(await withOrg(getDb(), s.org.orgId, (trx) => findLatestVoteForApplication(trx, s.applicationId))).toBeUndefined();
    const missing = await caught(voterView("not-a-real-token"));
    expect((missing as Response).status).toBe(404);
  });
});
