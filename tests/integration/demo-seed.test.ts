import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatHeadline } from "#app/domain/analytics/csv.js";
import { defaultFilters } from "#app/domain/analytics/filters.js";
import { loadDashboard } from "#app/domain/analytics/load-dashboard.server.js";
import { createDb, type DB } from "#db/client.js";
import { dropDatabase } from "#db/migrate.js";
import { withOrg } from "#db/tenant.js";

// The demo (`npm run demo`) must read like a real organisation's: the seed in a database of its
// own, as the demo runs it, then the figures a lead would see on a fresh dashboard.

const url = (() => {
  const u = new URL(inject("databaseUrl"));
  u.pathname = `/circle_seed_${randomBytes(5).toString("hex")}`;
  return u.toString();
})();
let db: DB;

beforeAll(async () => {
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "test" as const };
  // The real CLIs: the migrator loads .ts migrations, which this test process cannot.
  await promisify(execFile)(process.execPath, ["--import", "tsx", "db/migrate.ts"], { env });
  await promisify(execFile)(process.execPath, ["--import", "tsx", "db/seeds/seed.ts"], { env });
  // As the app connects (circle_app): the owner here is a superuser, whom row-level security
  // would not hold to one organisation.
  const app = new URL(url);
  app.username = "circle_app";
  db = createDb(app.toString(), 3);
}, 180_000);

afterAll(async () => {
  await db?.destroy();
  await dropDatabase(url);
});

const orgId = async (slug: string) => {
  const owner = createDb(url, 1);
  try {
    return (await owner.selectFrom("organisations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  } finally {
    await owner.destroy();
  }
};

describe("the demo seed", () => {
  it.each(["oakfield", "riverside"])("%s's funnel never runs backwards: each step is no larger than the one before", async (slug) => {
    const id = await orgId(slug);
    const d = await loadDashboard((work) => withOrg(db, id, work), defaultFilters());
    const reached = d.funnel.map((s) => [s.label, s.reached] as const);
    for (let i = 1; i < reached.length; i++) {
      expect(reached[i][1], `${reached[i][0]} after ${reached[i - 1][0]}: ${JSON.stringify(reached)}`).toBeLessThanOrEqual(
        reached[i - 1][1],
      );
    }
  });

  it("gives Oakfield a workshop-to-hire ratio from real attendance", async () => {
    const id = await orgId("oakfield");
    const d = await loadDashboard((work) => withOrg(db, id, work), defaultFilters());
    const step = (key: string) => d.funnel.find((s) => s.key === key)?.reached ?? 0;
    expect(step("attended")).toBeGreaterThanOrEqual(step("shadowDone"));
    expect(step("offerAccepted")).toBeGreaterThanOrEqual(step("started"));
    expect(step("started")).toBeGreaterThan(0);
    const ratio = d.headlines.find((h) => h.key === "workshopToHire");
    expect(formatHeadline("workshopToHire", ratio?.value ?? null)).toMatch(/^1 in ([1-9]|\d\d)/);
  });

  it("records an offer for everyone at the offer step, so /me never links to a missing one", async () => {
    for (const slug of ["oakfield", "riverside"]) {
      const id = await orgId(slug);
      const missing = await withOrg(db, id, (trx) =>
        trx
          .selectFrom("applications")
          .innerJoin("candidates", "candidates.id", "applications.candidateId")
          .select("candidates.fullName")
          .where("applications.stage", "in", ["offer", "started"])
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom("offers").select(sql`1`.as("one")).whereRef("offers.applicationId", "=", "applications.id"))),
          )
          .execute(),
      );
      expect(missing.map((m) => m.fullName)).toEqual([]);
    }
  });
});
