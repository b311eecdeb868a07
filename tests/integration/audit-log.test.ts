import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { moveApplication } from "#app/domain/applications/move-application.server.js";
import { listAuditEntries } from "#db/queries/audit.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { applicationInput, closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { runInOrg } from "#tests/support/run.js";
import { saveKeepInTouchWords } from "#app/domain/offers/save-kit-content.server.js";
import { DEFAULT_KIT_CONTENT } from "#app/domain/offers/kit-content.js";
import { findDraftSurvey, findLiveSurvey, publishDraftSurvey, saveDraftSurvey } from "#app/domain/survey/survey-versions.server.js";

afterAll(closeOwnerDb);

async function leadMoves() {
  const org = await insertOrg();
  const { applicationId } = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, applicationInput()));
  await runInOrg(org.orgId, (ctx) =>
    moveApplication(ctx, { applicationId, to: "declined", reason: "Not the right time", actor: { userId: org.leadId, name: "Lee Lead" } }),
  );
  return { ...org, applicationId };
}

describe("audit log", () => {
  it("records a lead's stage move once, with who, what, before and after, and no free text about the person", async () => {
    const org = await leadMoves();
    const entries = await withOrg(getDb(), org.orgId, (trx) => listAuditEntries(trx, {}, { limit: 10 }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUserId: org.leadId,
      actorName: "Lee Lead",
      kind: "stage",
      subjectId: org.applicationId,
      before: { stage: "applied" },
      after: { stage: "declined" },
    });
    expect(JSON.stringify(entries[0])).not.toContain("Not the right time");
  });

  it("records a change to the keep-in-touch emails (only the weeks that changed) and a published survey", async () => {
    const org = await insertOrg();
    const actor = { userId: org.leadId, name: "Lee Lead" };
    const rows: { week: number; title: string; body: string }[] = DEFAULT_KIT_CONTENT.map((m) => ({
      week: m.week,
      title: m.title,
      body: m.body,
    }));
    await runInOrg(org.orgId, (ctx) => saveKeepInTouchWords(ctx, actor, rows));
    rows[1] = { ...rows[1], title: "A new title for week 2" };
    await runInOrg(org.orgId, (ctx) => saveKeepInTouchWords(ctx, actor, rows));
    await runInOrg(org.orgId, async ({ trx }) => {
      const live = await findLiveSurvey(trx);
      await saveDraftSurvey(trx, live.definition);
      expect(await findDraftSurvey(trx)).toBeTruthy();
      await publishDraftSurvey(trx, actor);
    });
    const entries = await withOrg(getDb(), org.orgId, (trx) => listAuditEntries(trx, { kind: "settings" }, { limit: 10 }));
    expect(entries.map((e) => e.summary)).toEqual(["Published version 2 of the values survey", "Changed the keep-in-touch emails"]);
    expect(entries[1].before).toEqual({ week2: { title: DEFAULT_KIT_CONTENT[1].title, body: DEFAULT_KIT_CONTENT[1].body } });
    expect(entries[1].after).toEqual({ week2: { title: "A new title for week 2", body: DEFAULT_KIT_CONTENT[1].body } });
  });

  it("the app's role can add entries but never change or delete them", async () => {
    const org = await leadMoves();
    await expect(withOrg(getDb(), org.orgId, (trx) => sql`update audit_log set summary = 'rewritten'`.execute(trx))).rejects.toThrow(
      /permission denied/,
    );
    await expect(withOrg(getDb(), org.orgId, (trx) => sql`delete from audit_log`.execute(trx))).rejects.toThrow(/permission denied/);
    const entries = await withOrg(getDb(), org.orgId, (trx) => listAuditEntries(trx, {}, { limit: 10 }));
    expect(entries.map((e) => e.summary)).toEqual(["Moved an application from Applied to Declined"]);
  });

  it("one organisation never reads another's entries, and filters by kind and person", async () => {
    const a = await leadMoves();
    const b = await insertOrg();
    const seenByB = await withOrg(getDb(), b.orgId, (trx) => listAuditEntries(trx, { subjectId: a.applicationId }, { limit: 10 }));
    expect(seenByB).toEqual([]);
    const byKind = await withOrg(getDb(), a.orgId, (trx) => listAuditEntries(trx, { kind: "vacancy" }, { limit: 10 }));
    expect(byKind).toEqual([]);
    const byPerson = await withOrg(getDb(), a.orgId, (trx) => listAuditEntries(trx, { actorUserId: a.leadId }, { limit: 10 }));
    expect(byPerson).toHaveLength(1);
  });
});
