import { afterAll, describe, expect, it } from "vitest";
import { findShadowSummary } from "#app/domain/shadow/shadow-summary.server.js";
import { submitShadowFeedback } from "#app/domain/shadow/submit-feedback.server.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { action as shadowPageAction, loader as shadowPageLoader } from "#app/routes/me_.shadow.$applicationId.js";
import { action as feedbackAction, loader as feedbackLoader } from "#app/routes/shadow.$shiftId.feedback.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg, staffCookie } from "#tests/factories/org.js";
import { candidateCookie, insertHost, insertShadowApplications, insertShift } from "#tests/factories/shadow.js";

afterAll(closeOwnerDb);

const HOUR = 3_600_000;
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

async function shiftThatHappened() {
  const org = await insertOrg("Oakfield Home Care");
  const host = await insertHost(org.orgId, org.teamId, "Sam Patel");
  const other = await insertHost(org.orgId, org.teamId, "Tom Brennan");
  const [me] = await insertShadowApplications(org.orgId, org.vacancyId, 1);
  const shift = await insertShift(org.orgId, {
    teamId: org.teamId,
    hostMemberId: host.memberId,
    applicationId: me.applicationId,
    startsAt: new Date(Date.now() - 26 * HOUR),
  });
  const values = await withOrg(getDb(), org.orgId, async (trx) => (await findLiveSurvey(trx)).definition.values.map((v) => v.name));
  return { org, host, other, me, shift, values };
}

describe("the host's feedback", () => {
  it("asks about each value of the live survey, names every problem next to its field, keeps what was typed, and saves", async () => {
    const { org, host, other, me, shift, values } = await shiftThatHappened();
    const url = `http://localhost/shadow/${shift.shiftId}/feedback`;
    const params = { shiftId: shift.shiftId };
    const cookie = await staffCookie(org.orgId, host.userId);
    const page = await feedbackLoader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} });
    expect(page.values).toEqual(values);
    expect(page.values.length).toBeGreaterThan(1);

    const partial = { seen_0: "clearly", note_0: "Lovely with Mrs B", supportedComment: "She made me laugh", concerns: "Quiet at first" };
    const bad = await asResponse(feedbackAction({ request: post(url, cookie, partial), params, context: {} }));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.fieldErrors).toMatchObject({
      seen_1: `Say how much you saw ${values[1].toLowerCase()}`,
      recommendation: "Choose whether you recommend them",
      supportedBy: "Say who made the comment",
    });
    expect(body.fieldErrors.seen_0).toBeUndefined();
    expect(body.values).toMatchObject(partial);

    // Another team member who is not the host may not give it.
    const notHost = await asResponse(
      feedbackLoader({
        request: new Request(url, { headers: { Cookie: await staffCookie(org.orgId, other.userId) } }),
        params,
        context: {},
      }),
    );
    expect(notHost.status).toBe(403);

    const complete: Record<string, string> = { ...partial, recommendation: "yes", supportedBy: "family" };
    values.forEach((_, i) => {
      complete[`seen_${i}`] ??= "some";
    });
    const saved = await asResponse(feedbackAction({ request: post(url, cookie, complete), params, context: {} }));
    // The host's feedback opens the team's vote.
    expect(saved.headers.get("Location")).toBe(`/shadow/${shift.shiftId}/feedback?saved=1&vote=opened`);
    const stage = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("applications").select("stage").where("id", "=", me.applicationId).executeTakeFirstOrThrow(),
    );
    expect(stage.stage).toBe("vote");

    const summary = await withOrg(getDb(), org.orgId, (trx) => findShadowSummary(trx, me.applicationId));
    expect(summary.shift).toMatchObject({ id: shift.shiftId, hostName: "Sam Patel", status: "confirmed", meetingPoint: "Ashdown office" });
    expect(summary.feedback).toMatchObject({
      recommendation: "yes",
      concerns: "Quiet at first",
      supportedComment: "She made me laugh",
      supportedBy: "family",
      authorName: "Sam Patel",
    });
    expect(summary.feedback?.values[0]).toEqual({ value: values[0], seen: "clearly", note: "Lovely with Mrs B" });
    expect(summary.feedback?.values).toHaveLength(values.length);
    expect(summary.reflection).toBeNull();
  });

  it("a lead can record it for the host, marked as theirs, and the use case returns the application", async () => {
    const { org, me, shift, values } = await shiftThatHappened();
    const result = await withOrg(getDb(), org.orgId, (trx) =>
      submitShadowFeedback(trx, { userId: org.leadId, name: "Lee Lead", role: "lead" }, shift.shiftId, {
        values: values.map((value) => ({ value, seen: "clearly" as const, note: "" })),
        concerns: "",
        recommendation: "unsure",
        supportedComment: "",
        supportedBy: null,
      }),
    );
    expect(result).toEqual({ applicationId: me.applicationId });
    const summary = await withOrg(getDb(), org.orgId, (trx) => findShadowSummary(trx, me.applicationId));
    expect(summary.feedback?.authorName).toBe("Sam Patel (recorded by Lee Lead)");
  });
});

describe("the candidate after the shift", () => {
  it("answers whether the job is for them, then withdraws: recorded as withdrawn with their reason, never declined", async () => {
    const { org, me } = await shiftThatHappened();
    const cookie = await candidateCookie(org.orgId, me.candidateId);
    const url = `http://localhost/me/shadow/${me.applicationId}`;
    const params = { applicationId: me.applicationId };
    const page = await shadowPageLoader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} });
    expect(page.shift).toMatchObject({ status: "confirmed", started: true, over: true });

    const bad = await asResponse(
      shadowPageAction({ request: post(url, cookie, { intent: "reflect", note: "Hard work" }), params, context: {} }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { answer: "Choose an answer" }, values: { note: "Hard work" } });
    await asResponse(
      shadowPageAction({ request: post(url, cookie, { intent: "reflect", answer: "not_sure", note: "Hard work" }), params, context: {} }),
    );
    const summary = await withOrg(getDb(), org.orgId, (trx) => findShadowSummary(trx, me.applicationId));
    expect(summary.reflection).toMatchObject({ answer: "not_sure", note: "Hard work" });

    const withdrawn = await asResponse(
      shadowPageAction({
        request: post(url, cookie, { intent: "withdraw", reason: "The early starts are not for me" }),
        params,
        context: {},
      }),
    );
    expect(withdrawn.headers.get("Location")).toBe(`/me/shadow/${me.applicationId}?withdrawn=1`);
    const [app, event] = await withOrg(getDb(), org.orgId, (trx) =>
      Promise.all([
        trx.selectFrom("applications").select("stage").where("id", "=", me.applicationId).executeTakeFirstOrThrow(),
        trx
          .selectFrom("applicationEvents")
          .selectAll()
          .where("applicationId", "=", me.applicationId)
          .orderBy("createdAt", "desc")
          .executeTakeFirstOrThrow(),
      ]),
    );
    expect(app.stage).toBe("withdrawn");
    expect(event).toMatchObject({
      fromStage: "shadow",
      toStage: "withdrawn",
      actorUserId: null,
      actorName: "Candidate 0",
      reason: "Withdrew after the shadow shift: The early starts are not for me",
    });
  });

  it("a withdrawal without a reason says so", async () => {
    const { org, me } = await shiftThatHappened();
    const cookie = await candidateCookie(org.orgId, me.candidateId);
    const url = `http://localhost/me/shadow/${me.applicationId}`;
    await asResponse(
      shadowPageAction({
        request: post(url, cookie, { intent: "withdraw", reason: "" }),
        params: { applicationId: me.applicationId },
        context: {},
      }),
    );
    const event = await withOrg(getDb(), org.orgId, (trx) =>
      trx
        .selectFrom("applicationEvents")
        .select(["toStage", "reason"])
        .where("applicationId", "=", me.applicationId)
        .executeTakeFirstOrThrow(),
    );
    expect(event).toEqual({ toStage: "withdrawn", reason: "Withdrew after the shadow shift: no reason given" });
  });
});
