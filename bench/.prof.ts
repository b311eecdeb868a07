import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
process.env.NODE_ENV = "test";
const base = new URL("postgres://postgres@127.0.0.1:5432/postgres");
base.pathname = `/circle_prof_${randomBytes(3).toString("hex")}`;
process.env.DATABASE_URL = base.toString();
const { migrateToLatest, dropDatabase } = await import("/work/main/db/migrate.js");
const { getDb, closeDb } = await import("/work/main/db/client.js");
const { withOrg } = await import("/work/main/db/tenant.js");
const { seedScale } = await import("/work/main/scripts/seed-scale.js");
const q = await import("/work/main/db/queries/analytics.js");
const { listTeamsWithMix } = await import("/work/main/db/queries/teams.js");
const { defaultFilters } = await import("/work/main/app/domain/analytics/filters.js");
try {
  await migrateToLatest(process.env.DATABASE_URL);
  const { orgId } = await seedScale({ applications: Number(process.env.N ?? 100000), org: "scale", seed: 42, databaseUrl: process.env.DATABASE_URL, log: () => {} });
  const { sql } = await import("kysely");
  const { createDb } = await import("/work/main/db/client.js");
  const owner = createDb(process.env.DATABASE_URL!, 1);
  await sql`vacuum analyze application_facts, funnel_monthly, funnel_exits_monthly`.execute(owner);
  await owner.destroy();
  const f = { ...defaultFilters(), from: "2000-01" };
  const fns: Record<string, (trx: any) => Promise<unknown>> = {
    refresh: (trx) => q.refreshMyFunnel(trx),
    sumFunnel: (trx) => q.sumFunnel(trx, f),
    sumExitReasons: (trx) => q.sumExitReasons(trx, f),
    hireTimes: (trx) => q.hireTimes(trx, f),
    hireMedianByQuarter: (trx) => q.hireMedianByQuarter(trx, f),
    offerOutcomes: (trx) => q.offerOutcomesByQuarter(trx, f),
    teams: (trx) => listTeamsWithMix(trx),
    hiresByExp: (trx) => q.hiresByExperience(trx, new Date(Date.now() - 60 * 86400000)),
  };
  for (const [name, fn] of Object.entries(fns)) {
    await withOrg(getDb(), orgId, fn);
    const t = performance.now();
    for (let i = 0; i < 5; i++) await withOrg(getDb(), orgId, fn);
    console.log(name.padEnd(22), ((performance.now() - t) / 5).toFixed(1), "ms");
  }
  const rows = await withOrg(getDb(), orgId, (trx) => trx.selectFrom("funnelMonthly").select((eb) => eb.fn.countAll().as("n")).executeTakeFirst());
  const ex = await withOrg(getDb(), orgId, (trx) => trx.selectFrom("funnelExitsMonthly").select((eb) => eb.fn.countAll().as("n")).executeTakeFirst());
  console.log("funnel_monthly rows", rows, "exits rows", ex);
} finally {
  await closeDb();
  if (!process.env.KEEP) await dropDatabase(process.env.DATABASE_URL); else console.log("kept", process.env.DATABASE_URL);
}
