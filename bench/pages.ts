/**
 * `npm run bench:pages`: requests per second and p99 latency of the two busiest public pages, the
 * careers page and a vacancy's application page, served by the production build, next to a plain
 * node:http server that answers with the careers page's exact bytes (this machine's ceiling); and
 * of two signed-in pages, `/me` (a candidate) and `/pipeline` (a lead), next to a bare Remix page
 * of the careers page's shape (bench/bare: the same adapter, a loader returning six vacancies from
 * memory, no database). It prints each ratio the goals are stated in.
 *
 * It makes everything it needs and removes it afterwards: a database of its own (circle_bench_*,
 * migrated and seeded with the demo organisations), the web server (a child process, no worker),
 * the plain server (another child process, so it never shares an event loop with autocannon), and
 * a Redis key prefix (bench-*). It expects the Remix build to exist (`npm run bench:pages` builds).
 *
 * Settings (environment): BENCH_SECONDS (default 10) per target, BENCH_CONNECTIONS (50),
 * BENCH_WARMUP_SECONDS (2, not measured), BENCH_PORT (3200: the first free port from there is used
 * for the web server, the next for the plain server).
 *
 * Every response must be 2xx with no socket errors or timeouts, or the run fails (exit code 1).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import { deleteKeysWithPrefix } from "../tests/support/redis-keys.js";

const SECONDS = positive("BENCH_SECONDS", 10);
const CONNECTIONS = positive("BENCH_CONNECTIONS", 50);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const FIRST_PORT = positive("BENCH_PORT", 3200);
const ORG_SLUG = "oakfield";

function positive(name: string, fallback: number) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${process.env[name]}`);
  return value;
}

// The seed refuses NODE_ENV=production; this process only prepares data (the web server gets
// NODE_ENV=production below). APP_DATABASE_URL left in the shell would point at another database.
if (process.env.NODE_ENV === "production") process.env.NODE_ENV = "test";
delete process.env.APP_DATABASE_URL;

if (!existsSync("build/index.js") || !existsSync("build/server.js") || !existsSync("bench/bare/build/index.js")) {
  console.error("[bench] build/ or bench/bare/build/ is missing: run `npm run bench:pages` (it builds both).");
  process.exit(1);
}

const run = randomBytes(5).toString("hex");
const base = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
base.pathname = `/circle_bench_${run}`;
const ownerUrl = base.toString();
const queuePrefix = `bench-${run}`;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
process.env.DATABASE_URL = ownerUrl;

// Imported after the environment is settled: app/env.server.ts reads it once.
const { migrateToLatest, dropDatabase } = await import("../db/migrate.js");
const { createDb } = await import("../db/client.js");
const { seed } = await import("../db/seeds/seed.js");
const { withOrg } = await import("../db/tenant.js");
const { startSession } = await import("../app/utils/session.server.js");

// autocannon ships no types; only what this script uses.
type Result = {
  requests: { average: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  "2xx": number;
  statusCodeStats: Record<string, { count: number }>;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  pipelining?: number;
}) => Promise<Result>;

const log = (message: string) => console.log(`[bench] ${message}`);
const children: ChildProcess[] = [];

function start(name: string, args: string[], env: NodeJS.ProcessEnv, stdin?: Buffer) {
  const child = spawn(process.execPath, args, { env, stdio: ["pipe", "pipe", "pipe"] });
  const prefix = (data: Buffer) =>
    data
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((l) => `[${name}] ${l}\n`)
      .join("");
  child.stdout?.on("data", (d) => process.stdout.write(prefix(d)));
  child.stderr?.on("data", (d) => process.stderr.write(prefix(d)));
  child.stdin?.end(stdin);
  children.push(child);
  return child;
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** The first port from `from` that nothing listens on (checked the way express listens: all interfaces). */
async function freePort(from: number) {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${from + 99}`);
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server for ${url} exited (${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 2xx within ${timeoutMs} ms`);
}

const deleteRedisKeys = () => deleteKeysWithPrefix(redisUrl, queuePrefix);

let cleaning: Promise<void> | undefined;
/** Stops the servers and removes the database and Redis keys. Safe to call more than once. */
function cleanUp() {
  cleaning ??= (async () => {
    const steps: [string, () => Promise<unknown>][] = [
      ["stop the servers", () => Promise.all(children.map(stop))],
      ["drop the database", () => dropDatabase(ownerUrl)],
      ["delete the Redis keys", deleteRedisKeys],
    ];
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (error) {
        console.error(`[bench] could not ${name}: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    }
    log(`cleaned up: servers stopped, ${base.pathname.slice(1)} dropped, ${queuePrefix}:* keys deleted`);
  })();
  return cleaning;
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    interrupted = true;
    log(`${signal}: stopping`);
    process.exitCode = 130;
    void cleanUp().then(() => process.exit());
  });
}

// Answers every request with the bytes it reads on stdin; plain JS so it starts without tsx.
const PLAIN_SERVER = `
const http = require("node:http");
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  const body = Buffer.concat(chunks);
  const headers = { "content-type": process.env.CONTENT_TYPE, "content-length": body.length };
  const server = http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); });
  server.listen(Number(process.env.PORT), () => console.log("listening on port " + process.env.PORT));
  process.on("SIGTERM", () => { server.close(); server.closeAllConnections(); });
});
`;

/** Other work on the machine (builds, browsers) lowers every number: say so next to them. */
function warnIfBusy(when: string) {
  const [load] = os.loadavg();
  const cpus = os.availableParallelism();
  const note = load > cpus / 2 ? ": the machine is busy, numbers will be low and noisy" : "";
  log(`${cpus} CPUs, 1-minute load average ${load.toFixed(2)} ${when}${note}`);
}

type Row = { target: string; path: string; rps: number; p99: number; mean: number; requests: number; cpuMs?: number; pgMs: number };

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
function cpuSeconds(pid: number | undefined) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by every PostgreSQL process on the machine (this run's database work and any other). */
function postgresCpuSeconds() {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") total += cpuSeconds(Number(pid)) ?? 0;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/**
 * Loads `url` and reports req/s and latency, and the CPU the serving process spent per response
 * (steadier than req/s on a shared machine: it does not move with what else runs).
 */
async function measure(target: string, url: string, server: ChildProcess, headers?: Record<string, string>): Promise<Row> {
  const check = (result: Result, phase: string) => {
    const problems: string[] = [];
    if (result.non2xx > 0) {
      const codes = Object.entries(result.statusCodeStats)
        .map(([code, s]) => `${code}×${s.count}`)
        .join(", ");
      problems.push(`${result.non2xx} non-2xx responses (${codes})`);
    }
    if (result.errors > 0) problems.push(`${result.errors} errors (${result.timeouts} timeouts)`);
    if (result["2xx"] === 0) problems.push("no 2xx response at all");
    if (problems.length) throw new Error(`${target} ${phase}: ${problems.join("; ")} for ${url}`);
  };
  if (WARMUP_SECONDS > 0) check(await autocannon({ url, headers, connections: CONNECTIONS, duration: WARMUP_SECONDS }), "warm-up");
  log(`${target}: ${CONNECTIONS} connections for ${SECONDS} s`);
  const cpuBefore = cpuSeconds(server.pid);
  const pgBefore = postgresCpuSeconds();
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  const cpuAfter = cpuSeconds(server.pid);
  const pgMs = ((postgresCpuSeconds() - pgBefore) * 1000) / result["2xx"];
  check(result, "run");
  return {
    target,
    path: new URL(url).pathname,
    rps: result.requests.average,
    p99: result.latency.p99,
    mean: result.latency.average,
    requests: result["2xx"],
    pgMs,
    cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / result["2xx"],
  };
}

/** Each row with its ratio to the row it is compared with (the goals in issue 17), and the goal. */
function printTable(rows: (Row & { vs?: Row; goal?: number })[]) {
  const cols = [
    ["target", 22],
    ["req/s", 9],
    ["p99 ms", 8],
    ["mean ms", 9],
    ["ratio", 26],
    ["goal", 8],
    ["server CPU ms", 14],
    ["PostgreSQL CPU ms", 19],
  ] as const;
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(cols[i][1]) : c.padStart(cols[i][1]))).join("");
  console.log(`\n${fmt(cols.map(([name]) => name))}`);
  for (const r of rows) {
    const ratio = r.vs ? `${(r.rps / r.vs.rps).toFixed(3)} of ${r.vs.target}` : "";
    const goal = r.goal === undefined ? "" : `${r.goal}${r.vs && r.rps / r.vs.rps >= r.goal ? " met" : ""}`;
    const cpu = r.cpuMs === undefined ? "" : r.cpuMs.toFixed(3);
    console.log(fmt([r.target, r.rps.toFixed(0), String(r.p99), r.mean.toFixed(1), ratio, goal, cpu, r.pgMs.toFixed(3)]));
  }
  console.log("\n  server CPU ms and PostgreSQL CPU ms: CPU time per response, of the serving process and of all PostgreSQL processes");
  for (const r of rows) console.log(`  ${r.target.padEnd(20)} ${r.path}  (${r.requests} responses, all 2xx)`);
}

try {
  log(`database ${base.pathname.slice(1)}, queue prefix ${queuePrefix}`);
  warnIfBusy("before the run");
  await migrateToLatest(ownerUrl);
  const owner = createDb(ownerUrl, 2);
  let vacancyId: string;
  let candidateCookie: string;
  let leadCookie: string;
  try {
    await seed(owner);
    // The owner role is not subject to row-level security: it sees every organisation's rows.
    const vacancy = await owner
      .selectFrom("vacancies")
      .innerJoin("organisations", "organisations.id", "vacancies.orgId")
      .select(["vacancies.id", "vacancies.title"])
      .where("organisations.slug", "=", ORG_SLUG)
      .where("vacancies.status", "=", "open")
      .orderBy("vacancies.title")
      .executeTakeFirstOrThrow();
    vacancyId = vacancy.id;
    // Signed in as the seed's lead and as a candidate with the most applications (a full /me).
    const org = await owner.selectFrom("organisations").select("id").where("slug", "=", ORG_SLUG).executeTakeFirstOrThrow();
    const lead = await owner.selectFrom("users").select("id").where("email", "=", `lead@${ORG_SLUG}.test`).executeTakeFirstOrThrow();
    const candidate = await owner
      .selectFrom("applications")
      .select(["candidateId", (eb) => eb.fn.countAll().as("n")])
      .where("orgId", "=", org.id)
      .groupBy("candidateId")
      .orderBy("n", "desc")
      .executeTakeFirstOrThrow();
    const cookieFor = async (who: { userId: string } | { candidateId: string }) =>
      (await withOrg(owner, org.id, (trx) => startSession(trx, who))).split(";")[0];
    leadCookie = await cookieFor({ userId: lead.id });
    candidateCookie = await cookieFor({ candidateId: candidate.candidateId });
  } finally {
    await owner.destroy();
  }

  const webPort = await freePort(FIRST_PORT);
  const appUrl = `http://localhost:${webPort}`;
  const webEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(webPort),
    DATABASE_URL: ownerUrl,
    QUEUE_PREFIX: queuePrefix,
    APP_URL: appUrl,
    // One JSON line per request would flood this output; LOG_LEVEL=info measures with them.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  // The compiled server, as production runs it.
  // BENCH_WEB_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the web process.
  const web = start("web", [...(process.env.BENCH_WEB_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "build/server.js"], webEnv);
  await waitForHttp(`http://127.0.0.1:${webPort}/healthz`, web);

  const careersUrl = `http://127.0.0.1:${webPort}/o/${ORG_SLUG}/jobs`;
  const vacancyUrl = `${careersUrl}/${vacancyId}`;
  const careers = await fetch(careersUrl);
  const careersBody = Buffer.from(await careers.arrayBuffer());
  if (!careers.ok || !careersBody.includes(vacancyId))
    throw new Error(`${careersUrl} answered ${careers.status} without a link to vacancy ${vacancyId}`);
  const vacancy = await fetch(vacancyUrl);
  const vacancyBody = await vacancy.text();
  if (!vacancy.ok || !vacancyBody.includes("Apply for this job"))
    throw new Error(`${vacancyUrl} answered ${vacancy.status} without the application form`);
  log(`careers page ${careersBody.length} bytes, application page ${Buffer.byteLength(vacancyBody)} bytes`);

  const plainPort = await freePort(webPort + 1);
  const plain = start(
    "plain",
    ["-e", PLAIN_SERVER],
    { ...process.env, PORT: String(plainPort), CONTENT_TYPE: careers.headers.get("content-type") ?? "text/html; charset=utf-8" },
    careersBody,
  );
  const plainUrl = `http://127.0.0.1:${plainPort}/o/${ORG_SLUG}/jobs`;
  await waitForHttp(plainUrl, plain);

  const barePort = await freePort(plainPort + 1);
  const bare = start("bare", ["bench/bare/server.js"], { ...process.env, NODE_ENV: "production", PORT: String(barePort) });
  const bareUrl = `http://127.0.0.1:${barePort}/o/${ORG_SLUG}/jobs`;
  await waitForHttp(bareUrl, bare);

  const meUrl = `http://127.0.0.1:${webPort}/me`;
  const pipelineUrl = `http://127.0.0.1:${webPort}/pipeline`;
  for (const [url, cookie, expected] of [
    [meUrl, candidateCookie, "Your applications"],
    [pipelineUrl, leadCookie, "Pipeline"],
  ] as const) {
    const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
    if (res.status !== 200 || !(await res.text()).includes(expected))
      throw new Error(`${url} answered ${res.status}, not the signed-in page`);
  }

  // BENCH_ONLY="/me" measures only the targets whose name contains it (with plain and bare, for the ratios).
  const only = process.env.BENCH_ONLY;
  const wanted = (name: string) => !only || name.includes(only);
  const plainRow = await measure("plain node:http", plainUrl, plain);
  const bareRow = await measure("bare Remix page", bareUrl, bare);
  const rows: (Row & { vs?: Row; goal?: number })[] = [plainRow, { ...bareRow, vs: plainRow }];
  if (wanted("careers page")) rows.push({ ...(await measure("careers page", careersUrl, web)), vs: plainRow, goal: 0.1 });
  if (wanted("application page")) rows.push({ ...(await measure("application page", vacancyUrl, web)), vs: plainRow, goal: 0.1 });
  // Our app's own cost with no data: its middleware, its 87 routes and root, a page with no loader.
  if (wanted("app page, no data")) rows.push({ ...(await measure("app page, no data", `http://127.0.0.1:${webPort}/privacy`, web)), vs: bareRow });
  if (wanted("/me (candidate)"))
    rows.push({ ...(await measure("/me (candidate)", meUrl, web, { cookie: candidateCookie })), vs: bareRow, goal: 1 });
  if (wanted("pipeline (lead)"))
    rows.push({ ...(await measure("pipeline (lead)", pipelineUrl, web, { cookie: leadCookie })), vs: bareRow, goal: 1 });
  log(`public page cache: ${process.env.PUBLIC_PAGE_CACHE ?? "on"} (PUBLIC_PAGE_CACHE)`);
  printTable(rows);
  warnIfBusy("after the run (includes this benchmark's own load)");
} catch (error) {
  if (!interrupted) {
    console.error(`\n[bench] FAILED: ${(error as Error).message}`);
    process.exitCode = 1;
  }
} finally {
  await cleanUp();
}
