import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { moveApplication } from "#app/domain/applications/move-application.server.js";
import { listAuditEntries } from "#db/queries/audit.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { applicationInput, closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { runInOrg } from "#tests/support/run.js";

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
