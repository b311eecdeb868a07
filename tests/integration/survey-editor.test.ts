import { afterAll, describe, expect, it } from "vitest";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { action as editAction, loader as editLoader } from "#app/routes/settings.survey.edit.js";
import { action as settingsAction, loader as settingsLoader } from "#app/routes/settings.survey._index.js";
import { closeOwnerDb, insertOrg, staffCookie } from "#tests/factories/org.js";

afterAll(closeOwnerDb);

const post = (path: string, cookie: string, fields: Record<string, string>) =>
  new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } });
const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });

describe("the survey editor", () => {
  it("saves edits as a draft, publishes them as a new version, and keeps each organisation's survey its own", async () => {
    const oakfield = await insertOrg("Oakfield");
    const riverside = await insertOrg("Riverside");
    const oakLead = await staffCookie(oakfield.orgId, oakfield.leadId);
    const riverLead = await staffCookie(riverside.orgId, riverside.leadId);

    const bad = (await editAction({
      request: post("/settings/survey/edit", oakLead, { intent: "save", "items.com1.text": " " }),
      params: {},
      context: {},
    })) as Response;
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { "items.com1.text": "Enter the wording" }, values: { "items.com1.text": " " } });

    const saved = (await editAction({
      request: post("/settings/survey/edit", oakLead, { intent: "save", "items.com1.text": "I notice when people are worried." }),
      params: {},
      context: {},
    })) as Response;
    expect(saved.status).toBe(302);
    const draft = await editLoader({ request: get("/settings/survey/edit", oakLead), params: {}, context: {} });
    expect(draft).toMatchObject({ isDraft: true, liveVersion: 1, editing: { version: 2 } });

    // Riverside sees its own survey, untouched, and its edits do not reach Oakfield.
    const theirs = await editLoader({ request: get("/settings/survey/edit", riverLead), params: {}, context: {} });
    expect(theirs).toMatchObject({ isDraft: false, liveVersion: 1 });
    expect(theirs.editing.definition.items.find((i) => i.id === "com1")?.text).toBe(
      "I can tell when someone is worried, even if they do not say so.",
    );
    await editAction({
      request: post("/settings/survey/edit", riverLead, { intent: "publish", "values.compassion.weight": "3" }),
      params: {},
      context: {},
    });

    const published = (await editAction({
      request: post("/settings/survey/edit", oakLead, { intent: "publish" }),
      params: {},
      context: {},
    })) as Response;
    expect(published.headers.get("Location")).toBe("/settings/survey?published=2");
    const oakLive = await withOrg(getDb(), oakfield.orgId, (trx) => findLiveSurvey(trx));
    expect(oakLive.version).toBe(2);
    expect(oakLive.definition.items.find((i) => i.id === "com1")?.text).toBe("I notice when people are worried.");
    expect(oakLive.definition.values[0].weight).toBe(1);
    const riverLive = await withOrg(getDb(), riverside.orgId, (trx) => findLiveSurvey(trx));
    expect(riverLive.definition.values[0].weight).toBe(3);
    expect(riverLive.definition.items.find((i) => i.id === "com1")?.text).not.toBe("I notice when people are worried.");
  });

  it("saves the threshold and reminder days, refusing a second reminder before the first", async () => {
    const org = await insertOrg();
    const lead = await staffCookie(org.orgId, org.leadId);
    const refused = (await settingsAction({
      request: post("/settings/survey", lead, { threshold: "70", firstReminderDays: "5", secondReminderDays: "2" }),
      params: {},
      context: {},
    })) as Response;
    expect(await refused.json()).toMatchObject({ fieldErrors: { secondReminderDays: "Send the second reminder later than the first" } });
    await settingsAction({
      request: post("/settings/survey", lead, { threshold: "70", firstReminderDays: "3", secondReminderDays: "7" }),
      params: {},
      context: {},
    });
    const page = await settingsLoader({ request: get("/settings/survey", lead), params: {}, context: {} });
    expect(page.settings).toMatchObject({ surveyThreshold: 70, surveyReminderDays: [3, 7] });
  });
});
