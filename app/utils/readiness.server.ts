import type { RequestHandler } from "express";
import type { Redis } from "ioredis";
import { sql } from "kysely";
import { getDb } from "#db/client.js";
import { migrationNames } from "#db/migration-provider.js";
import { findOutboxLag, listAppliedMigrations } from "#db/queries/service-health.js";
import { getProducerRedis, keyPrefix } from "#jobs/connection.js";
import { workerHeartbeatAges } from "#jobs/heartbeat.js";
import { getServerEnv } from "../env.server.js";
import { getLogger } from "./logger.server.js";

export type Check = { ok: boolean; [detail: string]: unknown };
export type Readiness = { status: "ready" | "not ready"; checks: Record<string, Check> };

const CHECK_TIMEOUT_MS = 2000;

/**
 * Whether this deployment can do its work, check by check. /healthz only says the web process is
 * up; this says whether PostgreSQL and Redis answer, Redis will not evict jobs, the schema is the
 * one this code expects, a worker is running, and email is leaving.
 */
export async function checkReadiness(deps: { redis?: Redis; prefix?: string } = {}): Promise<Readiness> {
  const env = getServerEnv();
  const redis = deps.redis ?? getProducerRedis();
  const prefix = deps.prefix ?? keyPrefix();
  const db = getDb();
  // A producer connection refuses commands until connected (no offline queue): the first probe
  // after start waits for it, within the same time limit as the checks.
  const connected = whenReady(redis, CHECK_TIMEOUT_MS);
  const entries = await Promise.all(
    Object.entries({
      postgres: async () => {
        await sql`select 1`.execute(db);
        return { ok: true };
      },
      redis: async () => {
        await connected;
        return { ok: (await redis.ping()) === "PONG" };
      },
      redisEvictionPolicy: async () => {
        await connected;
        const policy = await maxmemoryPolicy(redis);
        // Unknown when the provider hides both INFO and CONFIG: not counted against readiness.
        return { ok: policy === "noeviction" || policy === null, policy: policy ?? "unknown" };
      },
      migrations: async () => {
        const applied = new Set(await listAppliedMigrations(db));
        const pending = migrationNames().filter((name) => !applied.has(name));
        // Migrations newer than this code (a rolling deploy, the old version still serving) are
        // fine: migrations only add what old code can ignore. Missing ones are not.
        return { ok: pending.length === 0, pending };
      },
      worker: async () => {
        await connected;
        const ages = await workerHeartbeatAges(redis, prefix);
        const freshest = ages.length ? Math.min(...ages) : null;
        const seconds = freshest === null ? null : Math.round(freshest / 1000);
        return {
          ok: seconds !== null && seconds <= env.READY_WORKER_MAX_SILENCE_SECONDS,
          workers: ages.length,
          lastHeartbeatSecondsAgo: seconds,
        };
      },
      outbox: async () => {
        const { unsent, oldestUnsentSeconds } = await findOutboxLag(db);
        const age = oldestUnsentSeconds === null ? 0 : Math.round(oldestUnsentSeconds);
        return { ok: age <= env.READY_OUTBOX_MAX_AGE_SECONDS, unsent, oldestUnsentSeconds: age };
      },
    }).map(async ([name, check]) => {
      const result = await within(check()).catch((error: Error) => {
        // The body may be seen from outside: the reason goes to the log, not into the answer.
        getLogger().warn({ err: error, check: name }, "readiness check failed");
        return { ok: false, error: error.message.startsWith("no answer within") ? "timed out" : "failed" };
      });
      return [name, result] as const;
    }),
  );
  const checks = Object.fromEntries(entries) as Record<string, Check>;
  return { status: Object.values(checks).every((check) => check.ok) ? "ready" : "not ready", checks };
}

/**
 * Redis must never evict keys: an evicted job or lock loses an email or runs it twice.
 * NOTE: https://docs.bullmq.io/guide/going-to-production#max-memory-policy
 * INFO first, since managed Redis services often disable CONFIG; null when neither answers.
 */
export async function maxmemoryPolicy(redis: Redis): Promise<string | null> {
  try {
    const info = await redis.info("memory");
    const found = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
    if (found) return found;
  } catch {
    // INFO disabled: try CONFIG.
  }
  try {
    const reply = (await redis.config("GET", "maxmemory-policy")) as string[];
    return reply[1] ?? null;
  } catch {
    return null;
  }
}

function whenReady(redis: Redis, ms: number) {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      reject(new Error(`Redis is ${redis.status}`));
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once("ready", onReady);
  });
}

const within = <T>(promise: Promise<T>, ms = CHECK_TIMEOUT_MS) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/** GET /readyz: 200 when every check passes, 503 otherwise; the body names each check. */
export const readyzHandler: RequestHandler = async (_req, res) => {
  const readiness = await checkReadiness();
  res
    .status(readiness.status === "ready" ? 200 : 503)
    .set("Cache-Control", "no-store")
    .json(readiness);
};
