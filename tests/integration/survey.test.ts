import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { saveOrgSettings } from "#app/domain/organisations/org-settings.server.js";
import { findLiveSurvey, publishDraftSurvey, saveDraftSurvey } from "#app/domain/survey/survey-versions.server.js";
import { type Respondent, loadSurvey, saveSurveyPage } from "#app/domain/survey/take-survey.server.js";
import { findSurveySummary } from "#app/domain/survey/survey-summary.server.js";
import { surveyPages } from "#app/domain/survey/survey.schema.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { applicationInput, closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { pageAnswers } from "#tests/factories/survey.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

async function newApplicant(org: Awaited<ReturnType<typeof insertOrg>>) {
  const applied = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, applicationInput({ fullName: "Cara Candidate" })));
  const candidateId = await withOrg(getDb(), org.orgId, (trx) =>
    trx.selectFrom("applications").select("candidateId").where("id", "=", applied.applicationId).executeTakeFirstOrThrow(),
  );
  return { applicationId: applied.applicationId, candidateId: candidateId.candidateId } satisfies Respondent;
}

const scoped = <T>(orgId: string, work: Parameters<typeof withOrg<T>>[2]) => withOrg(getDb(), orgId, work);

async function answerAll(orgId: string, respondent: Respondent, how: "best" | "worst") {
  const state = await scoped(orgId, (trx) => loadSurvey(trx, respondent));
  const pages = surveyPages(state.version.definition);
  let last: Awaited<ReturnType<typeof saveSurveyPage>> | undefined;
  for (const [index, page] of pages.entries()) {
    last = await runInOrg(orgId, (ctx) => saveSurveyPage(ctx, respondent, index, pageAnswers(page, how), "Cara Candidate"));
  }
  return last;
}

async function stageOf(orgId: string, applicationId: string) {
  return scoped(orgId, (trx) =>
    trx.selectFrom("applications").select("stage").where("id", "=", applicationId).executeTakeFirstOrThrow(),
  ).then((r) => r.stage);
}

describe("taking the survey", () => {
  it("saves each page, resumes at the first unanswered page, and lets an answer be changed", async () => {
    const org = await insertOrg();
    const me = await newApplicant(org);
    const start = await scoped(org.orgId, (trx) => loadSurvey(trx, me));
    expect(start).toMatchObject({ resumeAt: 0, completed: false, responseId: null, pageCount: 13 });
    const pages = surveyPages(start.version.definition);

    const first = await runInOrg(org.orgId, (ctx) => saveSurveyPage(ctx, me, 0, pageAnswers(pages[0], "best"), "Cara"));
    expect(first).toEqual({ ok: true, completed: false, nextPage: 1 });
    expect(await stageOf(org.orgId, me.applicationId)).toBe("survey");

    // Skipping ahead: page 3 saved, page 2 still empty, so coming back resumes at page 2.
    await runInOrg(org.orgId, (ctx) => saveSurveyPage(ctx, me, 2, pageAnswers(pages[2], "best"), "Cara"));
    const later = await scoped(org.orgId, (trx) => loadSurvey(trx, me));
    expect(later.resumeAt).toBe(1);
    expect(Object.keys(later.answers)).toHaveLength(8);

    // Going back to change an answer keeps the rest.
    const firstItem = (pages[0].kind === "value" ? pages[0].items[0] : pages[0].item).id;
    await runInOrg(org.orgId, (ctx) => saveSurveyPage(ctx, me, 0, { ...pageAnswers(pages[0], "best"), [firstItem]: "2" }, "Cara"));
    const changed = await scoped(org.orgId, (trx) => loadSurvey(trx, me));
    expect(changed.answers[firstItem]).toBe("2");
    expect(Object.keys(changed.answers)).toHaveLength(8);
  });

  it("names each unanswered question on a page and saves nothing from it", async () => {
    const org = await insertOrg();
    const me = await newApplicant(org);
    const result = await runInOrg(org.orgId, (ctx) => saveSurveyPage(ctx, me, 0, { com1: "4", com2: "7" }, "Cara"));
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        com2: 'Choose how much you agree with: "I like to take time to listen to people."',
        com3: `Choose how much you agree with: "When I am busy, other people's feelings are not my problem."`,
        com4: 'Choose how much you agree with: "I stay calm and kind when someone is upset with me."',
      },
    });
    expect((await scoped(org.orgId, (trx) => loadSurvey(trx, me))).responseId).toBeNull();
  });
});

describe("finishing the survey", () => {
  it("invites a candidate at or above the threshold to book a workshop", async () => {
    const org = await insertOrg();
    const me = await newApplicant(org);
    expect(await answerAll(org.orgId, me, "best")).toEqual({ ok: true, completed: true, outcome: "invited" });
    expect(await stageOf(org.orgId, me.applicationId)).toBe("workshop");
    const summary = await scoped(org.orgId, (trx) => findSurveySummary(trx, me.applicationId, org.teamId));
    expect(summary).toMatchObject({ state: "complete", outcome: "invited", answered: 34, total: 34, threshold: 60 });
    // Scenario answers trade one value against another, so even the strongest answers stay below 100.
    expect(summary.state === "complete" && summary.fit).toBeGreaterThanOrEqual(60);
    const events = await scoped(org.orgId, (trx) =>
      trx
        .selectFrom("applicationEvents")
        .select(["toStage", "actorName"])
        .where("applicationId", "=", me.applicationId)
        .orderBy("createdAt")
        .execute(),
    );
    expect(events).toEqual([
      { toStage: "applied", actorName: "Cara Candidate" },
      { toStage: "survey", actorName: "Cara Candidate" },
      { toStage: "workshop", actorName: "Values survey rule" },
    ]);
  });

  it("sends a candidate below the threshold to the review queue, never rejecting them", async () => {
    const org = await insertOrg();
    await scoped(org.orgId, (trx) => saveOrgSettings(trx, { surveyThreshold: 70, surveyReminderDays: [2, 5] }));
    const me = await newApplicant(org);
    expect(await answerAll(org.orgId, me, "worst")).toEqual({ ok: true, completed: true, outcome: "review" });
    expect(await stageOf(org.orgId, me.applicationId)).toBe("survey");
    const summary = await scoped(org.orgId, (trx) => findSurveySummary(trx, me.applicationId, org.teamId));
    expect(summary).toMatchObject({ state: "complete", fit: 0, outcome: "review", threshold: 70 });
    expect(summary.state === "complete" && summary.below.length).toBe(7);
    // Finished is finished: no more answers are taken.
    await expect(runInOrg(org.orgId, (ctx) => saveSurveyPage(ctx, me, 0, {}, "Cara"))).rejects.toMatchObject({ code: "closed" });
  });
});

describe("survey versions", () => {
  it("keeps a started response on its version when the lead edits and publishes", async () => {
    const org = await insertOrg();
    const started = await newApplicant(org);
    const v1 = await scoped(org.orgId, (trx) => findLiveSurvey(trx));
    await runInOrg(org.orgId, (ctx) => saveSurveyPage(ctx, started, 0, pageAnswers(surveyPages(v1.definition)[0], "best"), "Cara"));

    const edited = structuredClone(v1.definition);
    const item = edited.items.find((i) => i.id === "res1");
    if (item?.kind !== "statement") throw new Error("res1 should be a statement");
    item.text = "I keep my promises.";
    await scoped(org.orgId, (trx) => saveDraftSurvey(trx, edited));
    // Saving a draft changes nothing live.
    expect((await scoped(org.orgId, (trx) => findLiveSurvey(trx))).version).toBe(1);
    expect(await scoped(org.orgId, (trx) => publishDraftSurvey(trx))).toBe(2);

    const theirs = await scoped(org.orgId, (trx) => loadSurvey(trx, started));
    expect(theirs.version.version).toBe(1);
    expect(theirs.version.definition.items.find((i) => i.id === "res1")).toMatchObject({ text: "If I say I will do something, I do it." });

    const newcomer = await newApplicant(org);
    const fresh = await scoped(org.orgId, (trx) => loadSurvey(trx, newcomer));
    expect(fresh.version.version).toBe(2);
    expect(fresh.version.definition.items.find((i) => i.id === "res1")).toMatchObject({ text: "I keep my promises." });

    const versions = await scoped(org.orgId, (trx) =>
      trx.selectFrom("surveyVersions").select(["version", "status"]).orderBy("version").execute(),
    );
    expect(versions).toEqual([
      { version: 1, status: "retired" },
      { version: 2, status: "live" },
    ]);
  });
});

describe("survey tenancy", () => {
  it("another organisation can neither see the survey or its answers nor answer for its candidates", async () => {
    const oakfield = await insertOrg();
    const riverside = await insertOrg();
    const me = await newApplicant(oakfield);
    const v1 = await scoped(oakfield.orgId, (trx) => findLiveSurvey(trx));
    await runInOrg(oakfield.orgId, (ctx) => saveSurveyPage(ctx, me, 0, pageAnswers(surveyPages(v1.definition)[0], "best"), "Cara"));

    const seen = await scoped(riverside.orgId, async (trx) => ({
      versions: await trx.selectFrom("surveyVersions").select("id").where("id", "=", v1.id).execute(),
      responses: await trx.selectFrom("surveyResponses").select("id").execute(),
      answers: await trx.selectFrom("surveyAnswers").select("itemId").execute(),
    }));
    expect(seen).toEqual({ versions: [], responses: [], answers: [] });
    await expect(scoped(riverside.orgId, (trx) => loadSurvey(trx, me))).rejects.toMatchObject({ code: "not_found" });
    await expect(runInOrg(riverside.orgId, (ctx) => saveSurveyPage(ctx, me, 1, {}, "x"))).rejects.toMatchObject({ code: "not_found" });
  });
});
