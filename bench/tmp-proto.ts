import { performance } from "node:perf_hooks";
process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:5432/circle_proto";
delete process.env.APP_DATABASE_URL;
const { createDb, getDb, closeDb } = await import("../db/client.js");
const { withOrg } = await import("../db/tenant.js");
const { loadDashboard } = await import("../app/domain/analytics/load-dashboard.server.js");
const { loadPeople } = await import("../app/domain/analytics/people.server.js");
const { defaultFilters } = await import("../app/domain/analytics/filters.js");
type Tx = import("../db/client.js").Tx;
const owner = createDb(process.env.DATABASE_URL, 1);
const org = await owner.selectFrom("organisations").select("id").where("slug", "=", "scale").executeTakeFirstOrThrow();
const team = await owner.selectFrom("teams").select("id").where("orgId", "=", org.id).orderBy("name").executeTakeFirstOrThrow();
await owner.destroy();
const scoped = <T>(work: (trx: Tx) => Promise<T>) => withOrg(getDb(), org.id, work);
const filters = { ...defaultFilters(), from: "2000-01" };
const slice = { ...filters, teamId: team.id, source: "referral" };
async function time(name: string, work: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work();
  const s: number[] = [];
  for (let i = 0; i < 15; i++) { const t = performance.now(); await work(); s.push(performance.now() - t); }
  s.sort((a, b) => a - b);
  console.log(name.padEnd(30), "median", s[7].toFixed(1), "p95", s[14].toFixed(1));
}
const which = process.argv[2] ?? "all";
if (which !== "people") { await time("dashboard whole", () => loadDashboard(scoped, filters)); await time("dashboard slice", () => loadDashboard(scoped, slice)); await time("dashboard 12 months", () => loadDashboard(scoped, defaultFilters())); }
if (which !== "dashboard") { await time("people whole", () => loadPeople(scoped, filters)); await time("people slice", () => loadPeople(scoped, slice)); await time("people 12 months", () => loadPeople(scoped, defaultFilters())); }
await closeDb();
