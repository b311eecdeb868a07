import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "#db/client.js";
import { applicationInput, insertOrg } from "#tests/factories/org.js";
import { type AppProcess, startApp } from "#tests/support/app-process.js";
import { startMailCapture } from "#tests/support/mail-capture-server.js";
import {
  freePort,
  type PrivatePostgres,
  type PrivateRedis,
  startPrivatePostgres,
  startPrivateRedis,
} from "#tests/support/private-services.js";
import { waitFor } from "#tests/support/wait-for.js";

// Drill: PostgreSQL ends the app's connections (pg_terminate_backend, as a failover or an idle
// timeout does), then restarts. The web server and the worker (compiled, in production mode) run
// on a private cluster; the shared one on 5432 is never touched.

let cluster: PrivatePostgres;
let redis: PrivateRedis;
let owner: DB;
let capture: Awaited<ReturnType<typeof startMailCapture>>;
let web: AppProcess;
let worker: AppProcess;
let base: string;
let org: Awaited<ReturnType<typeof insertOrg>>;

beforeAll(async () => {
  [cluster, redis, capture] = await Promise.all([startPrivatePostgres(), startPrivateRedis(), startMailCapture()]);
  execFileSync(process.execPath, ["build/migrate.js"], { env: { ...process.env, DATABASE_URL: cluster.url }, stdio: "pipe" });
  owner = createDb(cluster.url, 1);
  org = await insertOrg("Drill Care", owner);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: cluster.url,
    REDIS_URL: redis.url,
    PORT: String(port),
    APP_URL: base,
    RESEND_BASE_URL: capture.url,
    OUTBOX_RELAY_INTERVAL_MS: "300",
  };
  web = startApp("web", env);
  worker = startApp("worker", env);
  await Promise.all([web.waitFor(/web: listening/), worker.waitFor(/worker: waiting for jobs/)]);
});

afterAll(async () => {
  await Promise.all([web?.kill("SIGKILL"), worker?.kill("SIGKILL")]);
  await owner?.destroy();
  await Promise.all([capture?.close(), cluster?.destroy(), redis?.stop()]);
});

const careersPage = () => fetch(`${base}/o/${org.slug}/jobs`);
/** A page that always needs the database (the render cache never stores the privacy notice). */
const privacyPage = () => fetch(`${base}/o/${org.slug}/privacy`);

/** A candidate applies through the real form, as a browser posts it. */
function apply(email: string) {
  const { availability, adjustments, ...fields } = applicationInput({ email });
  const form = new URLSearchParams(fields as Record<string, string>);
  for (const a of availability) form.append("availability", a);
  for (const a of adjustments) form.append("adjustments", a);
  return fetch(`${base}/o/${org.slug}/jobs/${org.vacancyId}`, { method: "POST", body: form, redirect: "manual" });
}

/** Ends every connection the app's role has open: what a failover or an idle timeout does to a pool. */
async function terminateAppConnections() {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  const { rows } = await client.query<{ ended: boolean }>(
    "select pg_terminate_backend(pid) as ended from pg_stat_activity where usename = 'circle_app'",
  );
  await client.end();
  return rows.filter((r) => r.ended).length;
}

describe("PostgreSQL drill", () => {
  it("keeps serving when PostgreSQL terminates the app's pooled connections", async () => {
    const first = await careersPage();
    if (first.status !== 200) console.log(web.output());
    expect(first.status).toBe(200);
    // The worker's relay holds connections too (it polls the outbox every 300 ms).
    await waitFor(async () => (await terminateAppConnections()) >= 2, "connections from both the web server and the worker");
    await new Promise((resolve) => setTimeout(resolve, 300));

    const page = await careersPage();
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Jobs at Drill Care");
    expect(web.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
    expect(web.output()).toContain("database: connection lost (57P01");

    // The worker still delivers: an application now gets its email.
    expect((await apply("after.terminate@example.com")).status).toBe(302);
    await waitFor(async () => capture.messages.find((m) => m.to.includes("after.terminate@example.com")), "the email after the terminate");
  });

  it("answers a friendly 503 while PostgreSQL is down, and serves again once it is back", async () => {
    cluster.stop();
    // A page that reads the database answers 503 at once.
    expect((await privacyPage()).status).toBe(503);
    // The cached careers page checks its version at most a second old: after that it needs the database too.
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const page = await careersPage();
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("60");
    const html = await page.text();
    expect(html).toContain("We&#x27;re having a short technical problem. Please try again in a minute.");
    expect(html).not.toContain("Unexpected Server Error");
    expect((await apply("during.outage@example.com")).status).toBe(503);
    // The worker's relay fails and keeps trying: give it a few rounds without a database.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(web.alive()).toBe(true);
    expect(worker.alive()).toBe(true);

    cluster.start();

    const back = await careersPage();
    expect(back.status).toBe(200);
    expect(await back.text()).toContain("Jobs at Drill Care");
    expect((await apply("after.restart@example.com")).status).toBe(302);
    await waitFor(async () => capture.messages.find((m) => m.to.includes("after.restart@example.com")), "the email after the restart");
    expect(web.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
  });
});
