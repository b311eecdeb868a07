/**
 * `npm run bench:analytics`: how long the funnel dashboard and its People page take to load, for the whole
 * organisation and for filtered slices (one team and one channel; one channel), at 10k, 100k and 1M
 * applications of a synthetic organisation (scripts/seed-scale.ts).
 *
 * It makes a database of its own (circle_bench_*, migrated), and for each size generates the
 * organisation, then loads the dashboard as the app does (role circle_app, row-level security,
 * the organisation's transaction), after a warm-up, BENCH_RUNS times (default 30) each, and prints
 * the median and 95th percentile. The database is dropped at the end.
 *
 * A third case loads the whole organisation just after one application of the latest month
 * changed: the page recounts that month if it is small (REFRESH_ON_LOAD_MAX_FACTS) or leaves it
 * to the minute job and says so.
 *
 * Settings (environment): BENCH_SIZES (default "10000,100000,1000000"), BENCH_RUNS (30).
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";

const SIZES = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

if (process.env.NODE_ENV === "production") process.env.NODE_ENV = "test";
delete process.env.APP_DATABASE_URL;
const run = randomBytes(5).toString("hex");
const base = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
base.pathname = `/circle_bench_${run}`;
process.env.DATABASE_URL = base.toString();

const { migrateToLatest, dropDatabase } = await import("../db/migrate.js");
const { createDb, getDb, closeDb } = await import("../db/client.js");
type Tx = import("../db/client.js").Tx;
const { withOrg } = await import("../db/tenant.js");
const { seedScale } = await import("../scripts/seed-scale.js");
const { loadDashboard } = await import("../app/domain/analytics/load-dashboard.server.js");
const { defaultFilters } = await import("../app/domain/analytics/filters.js");
const { loadPeople } = await import("../app/domain/analytics/people.server.js");

const log = (message: string) => console.log(`[bench] ${message}`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/** `before` runs ahead of each run, untimed. */
async function time(work: () => Promise<unknown>, before?: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await before?.();
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

type Timing = { median: number; p95: number };
const rows: { size: number; slice: string; dashboard: Timing; people: Timing; seedSeconds: number }[] = [];
try {
  await migrateToLatest(process.env.DATABASE_URL);
  const owner = createDb(process.env.DATABASE_URL, 2);
  for (const size of SIZES) {
    const started = performance.now();
    log(`generating ${size.toLocaleString("en-GB")} applications…`);
    const { orgId, analyticsMs } = await seedScale({
      applications: size,
      org: "scale",
      seed: 42,
      databaseUrl: process.env.DATABASE_URL,
      log: () => {},
    });
    const seedSeconds = (performance.now() - started) / 1000;
    // As autovacuum would soon after a load: fresh statistics and a visibility map, so the
    // covering indexes are read without visiting the table.
    await sql`vacuum analyze application_facts, funnel_monthly, funnel_exits_monthly, funnel_exits_cells, offer_outcomes_monthly, people_monthly, people_places_monthly`.execute(
      owner,
    );
    log(`generated in ${seedSeconds.toFixed(1)} s (of which rebuilding the analytics ${((analyticsMs ?? 0) / 1000).toFixed(1)} s)`);
    const filters = { ...defaultFilters(), from: "2000-01", to: defaultFilters().to };
    const slice = await owner.selectFrom("teams").select("id").where("orgId", "=", orgId).orderBy("name").executeTakeFirstOrThrow();
    const scoped = <T>(work: (trx: Tx) => Promise<T>) => withOrg(getDb(), orgId, work);
    const sliceFilters = { ...filters, teamId: slice.id, source: "referral" };
    // "Just after a change": one application of the latest month changes before each run (as in
    // an organisation at work), so the page finds a changed month to recount or to leave to the job.
    const latest = await owner
      .selectFrom("applicationFacts")
      .select(["applicationId", "cohortMonth"])
      .where("orgId", "=", orgId)
      .orderBy("cohortMonth", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const change = () =>
      owner.updateTable("applicationFacts").set({ dirty: true }).where("applicationId", "=", latest.applicationId).execute();
    const dashboard = (f: typeof filters, before?: () => Promise<unknown>) => time(() => loadDashboard(scoped, f), before);
    const people = (f: typeof filters, before?: () => Promise<unknown>) => time(() => loadPeople(scoped, f), before);
    const whole = { dashboard: await dashboard(filters), people: await people(filters) };
    const filtered = { dashboard: await dashboard(sliceFilters), people: await people(sliceFilters) };
    const channel = {
      dashboard: await dashboard({ ...filters, source: "referral" }),
      people: await people({ ...filters, source: "referral" }),
    };
    const changed = { dashboard: await dashboard(filters, change), people: await people(filters, change) };
    await sql`select refresh_dirty_funnel(${orgId}::uuid)`.execute(owner);
    rows.push({ size, slice: "whole organisation, all time", ...whole, seedSeconds });
    rows.push({ size, slice: "one team, one channel", ...filtered, seedSeconds });
    rows.push({ size, slice: "one channel", ...channel, seedSeconds });
    rows.push({ size, slice: "whole, just after a change", ...changed, seedSeconds });
    log(
      `${size}: dashboard p95 ${whole.dashboard.p95.toFixed(1)} / ${filtered.dashboard.p95.toFixed(1)} ms, people p95 ${whole.people.p95.toFixed(1)} / ${filtered.people.p95.toFixed(1)} ms`,
    );
  }
  await owner.destroy();
  console.log("\n                                                   dashboard (ms)      people page (ms)");
  console.log("applications  slice                           median     p95     median     p95   (generated in)");
  const ms = (t: Timing) => `${t.median.toFixed(1).padStart(9)} ${t.p95.toFixed(1).padStart(7)}`;
  for (const r of rows) {
    console.log(
      `${r.size.toLocaleString("en-GB").padStart(12)}  ${r.slice.padEnd(30)}  ${ms(r.dashboard)}  ${ms(r.people)}   ${r.seedSeconds.toFixed(0)} s`,
    );
  }
  console.log(`\nTarget: p95 under 150 ms for the whole dashboard at 1,000,000 applications (2-core machine). ${RUNS} runs each.`);
} finally {
  await closeDb();
  await dropDatabase(process.env.DATABASE_URL);
}
