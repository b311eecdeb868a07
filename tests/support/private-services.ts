/**
 * Private PostgreSQL clusters and Redis servers for the drill tests, which stop, kill and restart
 * them: the shared ones (5432, 6379) must never be touched. Each listens on a free port picked now,
 * lives in its own temporary folder, and is removed by `stop()` (and, should the test process die
 * first, by an exit hook).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";

const cleanups = new Set<() => void>();
process.on("exit", () => {
  for (const cleanup of cleanups) cleanup();
});

export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => Promise<boolean>, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export type PrivateRedis = Awaited<ReturnType<typeof startPrivateRedis>>;

/** A redis-server on a free port, keeping nothing on disk (like ours). `extraArgs` such as `--maxmemory-policy allkeys-lru`. */
export async function startPrivateRedis(extraArgs: string[] = []) {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const ping = async () => {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on("error", () => {});
    try {
      await redis.connect();
      return (await redis.ping()) === "PONG";
    } finally {
      redis.disconnect();
    }
  };
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...extraArgs], {
      stdio: "ignore",
    });
    await until(ping, `redis-server on port ${port}`);
  };
  /** Stops the server at once, losing everything in it (SHUTDOWN NOSAVE is not needed: it saves nothing). */
  const kill = async () => {
    const exited = child && child.exitCode === null ? new Promise((resolve) => child?.once("exit", resolve)) : undefined;
    child?.kill("SIGKILL");
    await exited;
  };
  const cleanup = () => child?.kill("SIGKILL");
  cleanups.add(cleanup);
  await start();
  return {
    url,
    port,
    /** Stops Redis (all data gone) and starts an empty one on the same port. */
    async restart() {
      await kill();
      await start();
    },
    async stop() {
      await kill();
      cleanups.delete(cleanup);
    },
  };
}

export type PrivatePostgres = Awaited<ReturnType<typeof startPrivatePostgres>>;

/**
 * A PostgreSQL cluster of its own (initdb + pg_ctl as the postgres user: PostgreSQL refuses to run
 * as root), on a free port, trusting local connections like the shared one. `url` names database
 * `circle_drill` (created by the migrator).
 */
export async function startPrivatePostgres() {
  const dir = mkdtempSync(path.join(tmpdir(), "circle-drill-pg-"));
  chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
  const data = path.join(dir, "data");
  const port = await freePort();
  const asPostgres = (args: string[]) => execFileSync("runuser", ["-u", "postgres", "--", ...args], { stdio: "pipe" });
  asPostgres(["initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const pgCtl = (...args: string[]) =>
    asPostgres([
      "pg_ctl",
      "-D",
      data,
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "-l",
      path.join(dir, "log"),
      "-w",
      ...args,
    ]);
  const cleanup = () => {
    try {
      pgCtl("stop", "-m", "immediate");
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  cleanups.add(cleanup);
  pgCtl("start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/circle_drill`,
    port,
    /** `pg_ctl stop -m fast`: every session is ended (57P01) and new connections are refused. */
    stop: () => pgCtl("stop", "-m", "fast"),
    start: () => pgCtl("start"),
    async destroy() {
      cleanup();
      cleanups.delete(cleanup);
    },
  };
}
