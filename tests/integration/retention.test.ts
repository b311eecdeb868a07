import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { defaultFilters } from "#app/domain/analytics/filters.js";
import { loadDashboard } from "#app/domain/analytics/load-dashboard.server.js";
import { applyRetention } from "#app/domain/privacy/retention.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { insertStories, type Story } from "#tests/factories/analytics.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

const at = (iso: string) => new Date(iso);

async function setUp() {
  const org = await insertOrg();
  const base = { vacancyId: org.vacancyId, teamId: org.teamId, source: "job_board", applied: 400 } satisfies Partial<Story>;
  const ids = await insertStories(org.orgId, [
    { ...base, exit: { kind: "declined", at: 300, reason: "Not now" } }, // 0: declined, due
    { ...base, exit: { kind: "withdrawn", at: 300, reason: "Moved away" } }, // 1: legal hold
    { ...base, exit: { kind: "declined", at: 300, reason: "Not now" } }, // 2: consented to future jobs (12 months)
    {
      ...base,
      stages: [
        ["survey", 390],
        ["workshop", 380],
      ],
    }, // 3: in progress
    {
      ...base,
      stages: [
        ["survey", 390],
        ["started", 200],
      ],
    }, // 4: started: out of scope
  ]);
  await withOrg(ownerDb(), org.orgId, async (trx) => {
    // Every closing on 10 January 2026 at noon, UK time.
    await trx
      .updateTable("applications")
      .set({ stageChangedAt: at("2026-01-10T12:00:00Z") })
      .where("id", "in", ids)
      .execute();
    const candidateOf = async (i: number) =>
      (await trx.selectFrom("applications").select("candidateId").where("id", "=", ids[i]).executeTakeFirstOrThrow()).candidateId;
    await trx
      .updateTable("candidates")
      .set({ legalHoldAt: at("2026-02-01T00:00:00Z"), legalHoldReason: "Tribunal claim", legalHoldByName: "Lee Lead" })
      .where("id", "=", await candidateOf(1))
      .execute();
    await trx
      .updateTable("candidates")
      .set({ futureJobsConsentAt: at("2025-11-01T00:00:00Z") })
      .where("id", "=", await candidateOf(2))
      .execute();
    await trx
      .insertInto("users")
      .values({ email: `admin-${org.slug}@example.com`, name: "Ada Admin", role: "admin", passwordHash: "unused" })
      .execute();
  });
  const erasedIds = async () =>
    (
      await withOrg(ownerDb(), org.orgId, (trx) =>
        trx
          .selectFrom("applications")
          .innerJoin("candidates", "candidates.id", "applications.candidateId")
          .select("applications.id")
          .where("candidates.erasedAt", "is not", null)
          .where("applications.id", "in", ids)
          .execute(),
      )
    )
      .map((r) => ids.indexOf(r.id))
      .sort();
  return { org, ids, erasedIds };
}

describe("retention", () => {
  it("erases six months after the last application closed, by UK day, and not the day before; skips holds, the consenting, those in progress and those who started", async () => {
    const { org, erasedIds } = await setUp();
    expect(await runInOrg(org.orgId, (ctx) => applyRetention(ctx, at("2026-07-09T23:30:00+01:00")))).toMatchObject({ erased: 0 });
    expect(await erasedIds()).toEqual([]);
    expect(await runInOrg(org.orgId, (ctx) => applyRetention(ctx, at("2026-07-10T03:00:00+01:00")))).toMatchObject({ erased: 1 });
    expect(await erasedIds()).toEqual([0]);
    // The one who agreed to hear about future jobs: 12 months.
    expect(await runInOrg(org.orgId, (ctx) => applyRetention(ctx, at("2027-01-09T03:00:00Z")))).toMatchObject({ erased: 0 });
    expect(await runInOrg(org.orgId, (ctx) => applyRetention(ctx, at("2027-01-10T03:00:00Z")))).toMatchObject({ erased: 1 });
    expect(await erasedIds()).toEqual([0, 2]);
    // Years later, the hold, the one in progress and the one who started are still there.
    expect(await runInOrg(org.orgId, (ctx) => applyRetention(ctx, at("2030-01-01T03:00:00Z")))).toMatchObject({ erased: 0 });
    expect(await erasedIds()).toEqual([0, 2]);
  });

  it("is safe to run twice, tells the admin the count once, and leaves the dashboard as it was", async () => {
    const { org } = await setUp();
    const scoped = <T>(work: Parameters<typeof withOrg<T>>[2]) => withOrg(getDb(), org.orgId, work);
    const rollups = async () =>
      (await sql`select * from funnel_monthly where org_id = ${org.orgId} order by 1, 2, 3, 4, 5, 6, 7`.execute(ownerDb())).rows;
    const before = { dashboard: await loadDashboard(scoped, defaultFilters(), at("2026-07-10T12:00:00Z")), rollups: await rollups() };
    const night = at("2026-07-10T03:00:00+01:00");
    expect(await runInOrg(org.orgId, (ctx) => applyRetention(ctx, night))).toMatchObject({ erased: 1 });
    expect(await runInOrg(org.orgId, (ctx) => applyRetention(ctx, night))).toMatchObject({ erased: 0 });
    expect({ dashboard: await loadDashboard(scoped, defaultFilters(), at("2026-07-10T12:00:00Z")), rollups: await rollups() }).toEqual(
      before,
    );
    const reports = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("outbox").select(["payload"]).where("orgId", "=", org.orgId).where("kind", "=", "retention-report").execute(),
    );
    expect(reports.map((r) => r.payload)).toEqual([expect.objectContaining({ erased: 1, day: "2026-07-10" })]);
  });

  it("purges expired and revoked sessions, used or expired sign-in links, finished staff invitations and emails sent over 30 days ago", async () => {
    const { org } = await setUp();
    const now = at("2026-07-10T03:00:00Z");
    await withOrg(ownerDb(), org.orgId, async (trx) => {
      await trx
        .insertInto("sessions")
        .values([
          { id: `expired-${org.slug}`, userId: org.leadId, expiresAt: at("2026-07-01T00:00:00Z") },
          { id: `live-${org.slug}`, userId: org.leadId, expiresAt: at("2026-08-01T00:00:00Z") },
        ])
        .execute();
      await trx
        .insertInto("outbox")
        .values([
          { kind: "team-mix-digest", payload: JSON.stringify({ old: true }), sentAt: at("2026-06-01T00:00:00Z") },
          { kind: "team-mix-digest", payload: JSON.stringify({ recent: true }), sentAt: at("2026-07-01T00:00:00Z") },
          { kind: "team-mix-digest", payload: JSON.stringify({ unsent: true }) },
        ])
        .execute();
      await trx
        .insertInto("staffInvitations")
        .values([
          {
            email: `accepted-long-ago@${org.slug}.test`,
            role: "coach",
            expiresAt: at("2026-05-08T00:00:00Z"),
            acceptedAt: at("2026-05-02T00:00:00Z"),
          },
          { email: `pending@${org.slug}.test`, role: "coach", expiresAt: at("2026-07-15T00:00:00Z") },
          {
            email: `withdrawn-lately@${org.slug}.test`,
            role: "coach",
            expiresAt: at("2026-07-15T00:00:00Z"),
            withdrawnAt: at("2026-07-01T00:00:00Z"),
          },
        ])
        .execute();
    });
    await runInOrg(org.orgId, (ctx) => applyRetention(ctx, now));
    const left = await withOrg(ownerDb(), org.orgId, async (trx) => ({
      sessions: (await trx.selectFrom("sessions").select("id").where("orgId", "=", org.orgId).execute()).map((s) => s.id),
      outbox: (
        await trx.selectFrom("outbox").select("payload").where("orgId", "=", org.orgId).where("kind", "=", "team-mix-digest").execute()
      )
        .map((r) => Object.keys(r.payload as object)[0])
        .sort(),
      invitations: (await trx.selectFrom("staffInvitations").select("email").where("orgId", "=", org.orgId).orderBy("email").execute()).map(
        (i) => i.email,
      ),
    }));
    expect(left).toEqual({
      sessions: [`live-${org.slug}`],
      outbox: ["recent", "unsent"],
      invitations: [`pending@${org.slug}.test`, `withdrawn-lately@${org.slug}.test`],
    });
  });
});
