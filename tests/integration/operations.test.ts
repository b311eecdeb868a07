import { execFile, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { promisify } from "node:util";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { Queue, Worker } from "bullmq";
import express from "express";
import { Redis } from "ioredis";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Set before anything reads the environment (getServerEnv caches it on first use).
const METRICS_TOKEN = randomBytes(24).toString("hex");
process.env.METRICS_TOKEN = METRICS_TOKEN;
// Other test files leave unsent emails in this run's database; an hour is older than any of them.
process.env.READY_OUTBOX_MAX_AGE_SECONDS = "3600";

const { getDb } = await import("#db/client.js");
const { withOrg } = await import("#db/tenant.js");
const { getProducerRedis, keyPrefix } = await import("#jobs/connection.js");
const { startHeartbeat } = await import("#jobs/heartbeat.js");
const { EMAIL_QUEUE, DEFAULT_JOB_OPTIONS } = await import("#jobs/queues.js");
const { logJobEvents, withJobLogContext } = await import("#jobs/worker-logging.js");
const { requestLogging } = await import("#app/utils/request-log.server.js");
const { opsRoutes } = await import("#app/utils/ops-routes.server.js");
const { checkReadiness, maxmemoryPolicy } = await import("#app/utils/readiness.server.js");
const { createOperator } = await import("#app/domain/operators/operators.server.js");
const { closeOwnerDb, insertOrg, ownerDb, staffCookie } = await import("#tests/factories/org.js");
const entryServer = await import("#app/entry.server.js");
const signInRoute = await import("#app/routes/sign-in.js");
const voteRoute = await import("#app/routes/vote.$token.js");
const pipelineRoute = await import("#app/routes/pipeline._index.js");
const opsSignIn = await import("#app/routes/ops.sign-in.js");
const opsSignOut = await import("#app/routes/ops.sign-out.js");

// A Remix build of a few real routes (and one that fails, to see how errors are logged), served
// the way server.ts serves the real one: request log, then the ops routes, then Remix. Data
// requests (?_data=) run the loaders and actions without rendering pages.
const SECRET_TOKEN = "k3J9vQ2mX8pL5nR7tY1wZ4bC6dF0gH2jK9mN3pQ5rS7";
const LEAKY_EMAIL = "ann.leak@example.com";
const build = {
  mode: "test",
  entry: { module: entryServer },
  routes: {
    root: { id: "root", path: "", module: {} },
    "routes/sign-in": { id: "routes/sign-in", parentId: "root", path: "sign-in", module: signInRoute },
    "routes/vote.$token": { id: "routes/vote.$token", parentId: "root", path: "vote/:token", module: voteRoute },
    "routes/pipeline._index": { id: "routes/pipeline._index", parentId: "root", path: "pipeline", index: true, module: pipelineRoute },
    "routes/boom": {
      id: "routes/boom",
      parentId: "root",
      path: "boom",
      module: {
        loader: () => {
          throw new Error(`could not email ${LEAKY_EMAIL} the link http://localhost/auth/link?token=${SECRET_TOKEN}`);
        },
      },
    },
  },
  assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true },
  isSpaMode: false,
} as unknown as ServerBuild;

let base = "";
let close: () => Promise<void>;
beforeAll(async () => {
  const app = express();
  app.use(requestLogging(build));
  app.use(opsRoutes());
  app.all("*", createRequestHandler({ build, mode: "test", getLoadContext: (req) => ({ cspNonce: "", clientIp: req.ip ?? "" }) }));
  const server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close();
  await closeOwnerDb();
});

/** Every JSON line the process writes to stdout while `work` runs. */
async function captureLogs(work: () => Promise<void>) {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    lines.push(String(chunk));
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = write;
  }
  const text = lines.join("");
  const entries = text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { text, entries };
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers, redirect: "manual" });

describe("request logs", () => {
  it("one line per request with id, route, status, duration and organisation, and no email, token or link", async () => {
    const org = await insertOrg();
    const cookie = await staffCookie(org.orgId, org.leadId);
    const responses: Response[] = [];
    const { text, entries } = await captureLogs(async () => {
      responses.push(await get(`/vote/${SECRET_TOKEN}?_data=routes/vote.$token`, { "X-Request-Id": "edge-1234abcd" }));
      responses.push(
        await fetch(`${base}/sign-in?_data=routes/sign-in`, {
          method: "POST",
          body: new URLSearchParams({ email: LEAKY_EMAIL, password: "not-the-password" }),
        }),
      );
      responses.push(await get("/pipeline?_data=routes/pipeline._index", { Cookie: cookie }));
      responses.push(await get("/boom?_data=routes/boom"));
      // Let the finish handlers write.
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(responses.map((r) => r.status)).toEqual([404, 400, 200, 500]);

    const requests = entries.filter((e) => e.msg === "request");
    expect(requests.map((e) => [e.route, e.method, e.status])).toEqual([
      ["routes/vote.$token", "GET", 404],
      ["routes/sign-in", "POST", 400],
      ["routes/pipeline._index", "GET", 200],
      ["routes/boom", "GET", 500],
    ]);
    for (const [i, line] of requests.entries()) {
      expect(typeof line.durationMs).toBe("number");
      expect(line.requestId).toBe(responses[i].headers.get("X-Request-Id"));
      expect(line.time).toBeTruthy();
    }
    // A plain id from a proxy is kept; otherwise one is made.
    expect(requests[0].requestId).toBe("edge-1234abcd");
    expect(requests[2].orgId).toBe(org.orgId);

    // The failing loader's error is logged once, with the request's id, and scrubbed.
    const failure = entries.find((e) => e.msg === "unhandled error in a loader or action");
    expect(failure).toMatchObject({ level: "error", requestId: requests[3].requestId });
    expect(JSON.stringify(failure)).toContain("could not email [email] the link [link]");

    expect(text).not.toContain(SECRET_TOKEN);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(text).not.toMatch(/https?:\/\//);
  });

  it("job failures name the queue, job and organisation, never the personal data in the error", async () => {
    const { text, entries } = await captureLogs(async () => {
      const { worker, queue } = await failingEmailWorker();
      await queue.add("send-email", { outboxId: randomUUID(), orgId: "org-1234" }, { jobId: "email-log-test", attempts: 1 });
      await until(async () => (await queue.getJobCounts("failed")).failed === 1, "the job to fail");
      await worker.close();
    });
    const failure = entries.find((e) => e.msg === "job failed for good");
    expect(failure).toMatchObject({ level: "error", queue: "email", jobId: "email-log-test", orgId: "org-1234", attempt: 1, final: true });
    expect(text).not.toContain(LEAKY_EMAIL);
    expect(text).not.toContain(SECRET_TOKEN);
  });
});

// A worker on this file's email queue whose every job fails with personal data in the message,
// with BullMQ's metrics on as in jobs/worker.ts.
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});
async function failingEmailWorker() {
  const connection = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  const worker = new Worker(
    EMAIL_QUEUE,
    withJobLogContext(EMAIL_QUEUE, async () => {
      throw new Error(`Resend refused ${LEAKY_EMAIL}: http://localhost/vote/${SECRET_TOKEN}`);
    }),
    { connection, prefix: keyPrefix(), metrics: { maxDataPoints: 60 } },
  );
  worker.on("closed", () => void connection.quit());
  logJobEvents(worker, EMAIL_QUEUE);
  workers.push(worker);
  const queue = new Queue(EMAIL_QUEUE, { connection: getProducerRedis(), prefix: keyPrefix(), defaultJobOptions: DEFAULT_JOB_OPTIONS });
  await worker.waitUntilReady();
  return { worker, queue };
}

async function until(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("/readyz", () => {
  type Body = { status: string; checks: Record<string, { ok: boolean; [k: string]: unknown }> };
  const readyz = async () => {
    const response = await get("/readyz");
    return { status: response.status, body: (await response.json()) as Body };
  };

  it("is ready only while a worker's heartbeat is fresh", async () => {
    const before = await readyz();
    expect(before.status).toBe(503);
    expect(before.body.checks.worker).toMatchObject({ ok: false, workers: 0 });
    expect(before.body.checks).toMatchObject({
      postgres: { ok: true },
      redis: { ok: true },
      redisEvictionPolicy: { ok: true, policy: "noeviction" },
      migrations: { ok: true, pending: [] },
      outbox: { ok: true },
    });

    const stop = startHeartbeat(getProducerRedis(), keyPrefix());
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const during = await readyz();
      expect(during.body.checks.worker).toMatchObject({ ok: true, workers: 1 });
      expect(during).toMatchObject({ status: 200, body: { status: "ready" } });
    } finally {
      await stop();
    }
    // A worker that stops deletes its heartbeat: not ready again at once.
    expect((await readyz()).status).toBe(503);

    // One that hung two minutes ago (its key not yet expired) does not count either.
    await getProducerRedis().set(`${keyPrefix()}:worker:heartbeat:hung`, String(Date.now() - 120_000), "EX", 5);
    const hung = await readyz();
    expect(hung.status).toBe(503);
    expect(hung.body.checks.worker).toMatchObject({ ok: false, workers: 1 });
    expect(hung.body.checks.worker.lastHeartbeatSecondsAgo).toBeGreaterThanOrEqual(120);
    await getProducerRedis().del(`${keyPrefix()}:worker:heartbeat:hung`);
  });

  it("fails while an email has waited too long, and while a migration has not run", async () => {
    const stop = startHeartbeat(getProducerRedis(), keyPrefix());
    const org = await insertOrg();
    try {
      const stuck = await withOrg(getDb(), org.orgId, (trx) =>
        trx
          .insertInto("outbox")
          .values({ kind: "application-received", payload: "{}", createdAt: sql<Date>`now() - interval '2 hours'` })
          .returning("id")
          .executeTakeFirstOrThrow(),
      );
      const waiting = await readyz();
      expect(waiting.status).toBe(503);
      expect(waiting.body.checks.outbox).toMatchObject({ ok: false });
      expect(waiting.body.checks.outbox.oldestUnsentSeconds).toBeGreaterThanOrEqual(7200);
      await withOrg(getDb(), org.orgId, (trx) =>
        trx.updateTable("outbox").set({ sentAt: sql`now()` }).where("id", "=", stuck.id).execute(),
      );
      expect((await readyz()).status).toBe(200);

      const { rows } = await sql<{ name: string; timestamp: string }>`
        delete from kysely_migration where name = (select max(name) from kysely_migration) returning name, timestamp`.execute(ownerDb());
      try {
        const behind = await readyz();
        expect(behind.status).toBe(503);
        expect(behind.body.checks.migrations).toEqual({ ok: false, pending: [rows[0].name] });
      } finally {
        await sql`insert into kysely_migration (name, timestamp) values (${rows[0].name}, ${rows[0].timestamp})`.execute(ownerDb());
      }
      expect((await readyz()).status).toBe(200);
    } finally {
      await stop();
    }
  });

  it("fails when Redis may evict keys, and passes a provider that hides INFO and CONFIG", async () => {
    const lru = await privateRedis(["--maxmemory-policy", "allkeys-lru", "--rename-command", "CONFIG", ""]);
    const hidden = await privateRedis(["--rename-command", "CONFIG", "", "--rename-command", "INFO", ""]);
    try {
      const evicting = await checkReadiness({ redis: lru.redis, prefix: keyPrefix() });
      expect(evicting.checks.redisEvictionPolicy).toEqual({ ok: false, policy: "allkeys-lru" });
      expect(evicting.status).toBe("not ready");
      expect(await maxmemoryPolicy(hidden.redis)).toBeNull();
      const unknown = await checkReadiness({ redis: hidden.redis, prefix: keyPrefix() });
      expect(unknown.checks.redisEvictionPolicy).toEqual({ ok: true, policy: "unknown" });
    } finally {
      await lru.stop();
      await hidden.stop();
    }
  });
});

/** A throwaway redis-server on a free port (the shared one must never be reconfigured). */
async function privateRedis(args: string[]) {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const child = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no", ...args], { stdio: "ignore" });
  // No ready check: it sends INFO, which one of these servers hides.
  const redis = new Redis({ port, maxRetriesPerRequest: 1, retryStrategy: () => 50, enableReadyCheck: false });
  redis.on("error", () => {});
  const stop = async () => {
    redis.disconnect();
    child.kill("SIGTERM");
  };
  await until(async () => redis.status === "ready", "the private Redis").catch(async (error) => {
    await stop();
    throw error;
  });
  return { redis, stop };
}

describe("/metrics", () => {
  it("does not exist unless METRICS_TOKEN is set", async () => {
    vi.resetModules();
    vi.stubEnv("METRICS_TOKEN", undefined);
    try {
      const { metricsHandler } = await import("#app/utils/metrics.server.js");
      const server = express().get("/metrics", metricsHandler).listen(0);
      await new Promise((resolve) => server.once("listening", resolve));
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
      server.close();
      expect(response.status).toBe(404);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("refuses a missing or wrong token", async () => {
    expect((await get("/metrics")).status).toBe(401);
    expect((await get("/metrics", { Authorization: `Bearer ${METRICS_TOKEN}x` })).status).toBe(401);
    expect((await get("/metrics", { Authorization: "Bearer " })).status).toBe(401);
  });

  it("reports request latency per route, queue depth and failures, workers and the outbox's lag", async () => {
    const { queue } = await failingEmailWorker();
    const failedBefore = (await queue.getMetrics("failed")).meta.count;
    await queue.add("send-email", { outboxId: randomUUID(), orgId: "org-1" }, { jobId: `email-${randomUUID()}`, attempts: 1 });
    await until(async () => (await queue.getMetrics("failed")).meta.count > failedBefore, "BullMQ to count the failure");
    const failed = (await queue.getJobCounts("failed")).failed;
    await get("/vote/abc?_data=routes/vote.$token");

    const response = await get("/metrics", { Authorization: `Bearer ${METRICS_TOKEN}` });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toMatch(/^http_request_duration_seconds_count\{route="routes\/vote.\$token",method="GET",status="404"\} [1-9]/m);
    expect(body).toContain(`circle_queue_jobs{queue="email",state="failed"} ${failed}`);
    expect(body).toMatch(/^circle_queue_jobs\{queue="reminders",state="delayed"\} \d+$/m);
    expect(body).toContain(`circle_queue_jobs_failed_total{queue="email"} ${failedBefore + 1}`);
    expect(body).toMatch(/^circle_outbox_oldest_unsent_age_seconds \d+(\.\d+)?$/m);
    expect(body).toMatch(/^circle_outbox_unsent \d+$/m);
    expect(body).toMatch(/^circle_workers_alive 0$/m);
    expect(body).toContain('circle_metrics_source_up{source="redis"} 1');
    expect(body).toContain('circle_metrics_source_up{source="postgres"} 1');
    // No raw URL ever becomes a label.
    expect(body).not.toContain("/vote/abc");
  });
});

describe("platform operators", () => {
  const email = () => `ops.${randomBytes(4).toString("hex")}@example.org`;
  const PASSWORD = "a-long-operator-password";

  async function operatorCookie(address: string, password = PASSWORD) {
    const form = new URLSearchParams({ email: address, password });
    const request = new Request("http://localhost/ops/sign-in", { method: "POST", body: form });
    const response = (await opsSignIn.action({
      request,
      params: {},
      context: { clientIp: `10.9.${Math.floor(Math.random() * 250)}.1` },
    })) as Response;
    return { response, cookie: response.headers.get("Set-Cookie")?.split(";")[0] };
  }

  it("an account made with the command line opens the queue dashboard", async () => {
    const address = email();
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/create-operator.ts", "--email", address], {
      env: { ...process.env, OPERATOR_PASSWORD: PASSWORD },
    });
    expect(stdout).toMatch(/^created operator [0-9a-f-]{36}$/m);
    expect(stdout).not.toContain(address);

    const { response, cookie } = await operatorCookie(address);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ops/queues");
    expect(cookie).toMatch(/^__circle_ops=/);

    const page = await get("/ops/queues", { Cookie: cookie as string, Accept: "text/html" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<base href="/ops/queues/"');
    // Its own policy: bull-board's inline styles and <base>, still no inline script.
    const csp = page.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");

    const api = await get("/ops/queues/api/queues", { Cookie: cookie as string });
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: { name: string }[] };
    expect(queues.map((q) => q.name).sort()).toEqual(["email", "reminders"]);

    // Signing out ends the session at once.
    const out = (await opsSignOut.action({
      request: new Request("http://localhost/ops/sign-out", { method: "POST", headers: { Cookie: cookie as string } }),
      params: {},
      context: {},
    })) as Response;
    expect(out.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect((await get("/ops/queues/api/queues", { Cookie: cookie as string })).status).toBe(403);
  });

  it("an organisation's admin cannot open it, not even with their session token in the operator cookie", async () => {
    const org = await insertOrg();
    const admin = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("users")
        .values({ email: `admin@${org.slug}.test`, name: "Ada Admin", role: "admin", passwordHash: "unused" })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    const staff = await staffCookie(org.orgId, admin.id);

    const page = await get("/ops/queues", { Cookie: staff, Accept: "text/html" });
    expect(page.status).toBe(303);
    expect(page.headers.get("Location")).toBe("/ops/sign-in?redirectTo=%2Fops%2Fqueues");
    expect((await get("/ops/queues/api/queues", { Cookie: staff })).status).toBe(403);
    // The same signed value under the operator cookie's name: a staff session is no operator session.
    const forged = staff.replace(/^__circle=/, "__circle_ops=");
    expect((await get("/ops/queues/api/queues", { Cookie: forged })).status).toBe(403);

    // Nor does an admin's email and password work on the operator sign-in.
    await createOperator(ownerDb(), { email: email(), password: PASSWORD });
    const { response, cookie } = await operatorCookie(`admin@${org.slug}.test`, PASSWORD);
    expect(response.status).toBe(400);
    expect(cookie).toBeUndefined();
  });

  it("the app's role cannot read or write operator accounts directly", async () => {
    await expect(sql`select * from platform_operators`.execute(getDb())).rejects.toThrow(/permission denied/);
    await expect(sql`insert into platform_operators (email, password_hash) values ('x@y.z', 'h')`.execute(getDb())).rejects.toThrow(
      /permission denied/,
    );
    await expect(createOperator(getDb(), { email: email(), password: PASSWORD })).rejects.toThrow(/permission denied/);
  });
});
