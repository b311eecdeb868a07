import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { publishPrivacyNotice } from "#app/domain/privacy/privacy-notice.server.js";
import { loader as noticeLoader } from "#app/routes/o.$slug.privacy.js";
import { withOrg } from "#db/tenant.js";
import { applicationInput, closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

const versionOf = (orgId: string, applicationId: string) =>
  withOrg(ownerDb(), orgId, (trx) =>
    trx.selectFrom("applications").select("privacyNoticeVersion").where("id", "=", applicationId).executeTakeFirstOrThrow(),
  ).then((r) => r.privacyNoticeVersion);

describe("privacy notice per organisation", () => {
  it("candidates read the organisation's newest version, and each application records the version its candidate agreed to", async () => {
    const org = await insertOrg("Heathside Care");
    const page = () => noticeLoader({ request: new Request(`http://localhost/o/${org.slug}/privacy`), params: { slug: org.slug }, context: {} });
    const before = await page();
    expect(before).toMatchObject({ version: 0, orgName: "Heathside Care" });
    expect(before.body).toContain("6 more months");
    const first = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, applicationInput()));
    expect(await versionOf(org.orgId, first.applicationId)).toBe(0);

    const lead = { userId: org.leadId, name: "Lee Lead" };
    await runInOrg(org.orgId, ({ trx }) => publishPrivacyNotice(trx, `Heathside keeps your answers only to hire. ${"More words. ".repeat(20)}`, lead));
    await runInOrg(org.orgId, ({ trx }) => publishPrivacyNotice(trx, `Heathside, version two. ${"More words. ".repeat(20)}`, lead));
    expect(await page()).toMatchObject({ version: 2, body: expect.stringContaining("Heathside, version two.") });
    const second = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, applicationInput()));
    expect(await versionOf(org.orgId, second.applicationId)).toBe(2);
    // The first applicant's record still says what they agreed to, and version 1 is kept.
    expect(await versionOf(org.orgId, first.applicationId)).toBe(0);
    const kept = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("privacyNotices").select("version").where("orgId", "=", org.orgId).orderBy("version").execute(),
    );
    expect(kept.map((k) => k.version)).toEqual([1, 2]);
  });
});
