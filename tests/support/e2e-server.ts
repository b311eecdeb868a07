/**
 * What Playwright's `webServer` runs (see playwright.config.ts): a database of its own for this
 * run, migrated and seeded with the demo organisations, then the whole product (web, worker and
 * the mail capture server) through scripts/stack.ts, as `npm run demo` would.
 *
 * It expects the Remix build to exist already (`npm run test:e2e` builds first).
 *
 * When Playwright stops it (SIGTERM to the process group: `gracefulShutdown` in the config) or on
 * Ctrl+C, it stops the stack, drops the database and deletes this run's Redis keys.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import pg from "pg";
import { deleteKeysWithPrefix } from "./redis-keys.js";

const OWNER_BASE = "postgres://postgres@127.0.0.1:5432";
const STALE_AFTER_MS = 6 * 3600_000;

// The seed refuses to run under NODE_ENV=production, and this process only prepares data: the web
// server and worker get NODE_ENV=production through startStack's env below.
if (process.env.NODE_ENV === "production") process.env.NODE_ENV = "test";
// Derived from DATABASE_URL (user circle_app) by app/env.server.ts; a value left in the shell
// would point the app at another database.
delete process.env.APP_DATABASE_URL;

const port = Number(process.env.E2E_PORT ?? 3100);
const mailPort = Number(process.env.E2E_MAIL_PORT ?? 3125);
// The name encodes when it was made, so a later run can tidy up after one that was killed.
const dbName = process.env.E2E_DB ?? `circle_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
if (!/^[a-z0-9_]+$/.test(dbName)) throw new Error(`E2E_DB must be a plain database name, not ${dbName}`);
const ownerUrl = `${OWNER_BASE}/${dbName}`;
const queuePrefix = process.env.E2E_QUEUE_PREFIX ?? `e2e-${randomBytes(5).toString("hex")}`;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const log = (message: string) => console.log(`[e2e] ${message}`);

for (const file of ["build/index.js", "build/server.js", "build/worker.js"]) {
  if (!existsSync(file)) {
    console.error(`[e2e] ${file} is missing: run \`npm run build\` first (npm run test:e2e does).`);
    process.exit(1);
  }
}

// Imported after the environment is settled: app/env.server.ts reads it once.
const { migrateToLatest, dropDatabase } = await import("../../db/migrate.js");
const { createDb } = await import("../../db/client.js");
const { seed } = await import("../../db/seeds/seed.js");
const { startStack } = await import("../../scripts/stack.js");

let stack: ReturnType<typeof startStack> | undefined;
let cleaning: Promise<void> | undefined;

const deleteRedisKeys = () => deleteKeysWithPrefix(redisUrl, queuePrefix);

/** Stops everything and removes what this run created. Safe to call more than once. */
function cleanUp(reason: string) {
  cleaning ??= (async () => {
    log(`${reason}: stopping`);
    const steps: [string, () => Promise<unknown>][] = [
      ["stop the stack", async () => (await stack)?.stop()],
      ["drop the database", () => dropDatabase(ownerUrl)],
      ["delete the Redis keys", deleteRedisKeys],
    ];
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (error) {
        console.error(`[e2e] could not ${name}: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    }
    log(`dropped ${dbName} and deleted ${queuePrefix}:* keys`);
  })();
  return cleaning;
}

for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
  process.on(signal, () => {
    void cleanUp(signal).then(() => process.exit());
  });
}

/**
 * Drops e2e databases from runs that were killed before they could clean up: older than
 * STALE_AFTER_MS (by the time in their name) and with nobody connected. Never touches a live run.
 */
async function dropStaleDatabases() {
  const client = new pg.Client({ connectionString: `${OWNER_BASE}/postgres` });
  await client.connect();
  try {
    // Only names this script makes: circle_e2e_<base-36 milliseconds>_<6 hex digits>.
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database d
        where datname ~ '^circle_e2e_[0-9a-z]{8}_[0-9a-f]{6}$'
          and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`,
    );
    for (const { datname } of rows) {
      const made = Number.parseInt(datname.split("_")[2], 36);
      const age = Date.now() - made;
      if (datname === dbName || made < Date.UTC(2024, 0, 1) || age < STALE_AFTER_MS) continue;
      await client.query(`drop database if exists "${datname}"`);
      log(`dropped stale database ${datname}`);
    }
  } finally {
    await client.end();
  }
}

try {
  await dropStaleDatabases().catch((error) => console.warn(`[e2e] stale database sweep skipped: ${error.message}`));
  log(`database ${dbName}, queue prefix ${queuePrefix}`);
  await migrateToLatest(ownerUrl);
  const owner = createDb(ownerUrl, 2);
  try {
    await seed(owner);
  } finally {
    await owner.destroy();
  }
  if (cleaning) await cleaning; // stopped while preparing: the signal handler exits the process
  stack = startStack({
    env: {
      DATABASE_URL: ownerUrl,
      APP_URL: `http://localhost:${port}`,
      QUEUE_PREFIX: queuePrefix,
      NODE_ENV: "production",
      // Emails that could not be enqueued at once go out sooner.
      OUTBOX_RELAY_INTERVAL_MS: "500",
    },
    port,
    mailPort,
  });
  const { mailUrl } = await stack;
  log(`ready on http://localhost:${port} (mail capture ${mailUrl})`);
} catch (error) {
  console.error("[e2e] could not start:", error);
  await cleanUp("start failed");
  process.exit(1);
}
