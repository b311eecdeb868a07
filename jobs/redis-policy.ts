import { Redis } from "ioredis";
import { getServerEnv } from "../app/env.server.js";
import { getLogger } from "#app/utils/logger.server.js";

/**
 * Reads Redis's `maxmemory-policy`. CONFIG is often disabled on managed Redis; INFO memory
 * reports the same setting. Null when neither answers.
 */
export async function readEvictionPolicy(redis: Redis): Promise<string | null> {
  try {
    const reply = (await redis.call("CONFIG", "GET", "maxmemory-policy")) as string[];
    if (reply?.[1]) return reply[1];
  } catch {
    // CONFIG renamed or refused: fall through to INFO.
  }
  try {
    const info = await redis.info("memory");
    return /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? null;
  } catch {
    return null;
  }
}

export class EvictionPolicyError extends Error {}

/**
 * BullMQ keeps jobs, schedulers and locks as ordinary keys: a Redis that evicts keys under memory
 * pressure silently drops queued emails and reminders. Production refuses to start on any policy
 * but `noeviction` (saying why); development and tests warn and go on.
 * Redis not answering within `waitMs` is not a reason to refuse: the web serves without it and
 * the worker waits for it; the check is logged as skipped.
 * NOTE: https://docs.bullmq.io/guide/going-to-production#max-memory-policy
 */
export async function checkEvictionPolicy(who: "web" | "worker", { url = getServerEnv().REDIS_URL, waitMs = 5_000 } = {}) {
  const production = getServerEnv().NODE_ENV === "production";
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: waitMs, enableOfflineQueue: false });
  redis.on("error", () => {});
  let policy: string | null;
  try {
    await redis.connect();
    policy = await readEvictionPolicy(redis);
  } catch (error) {
    getLogger().warn({ err: error }, `${who}: could not check Redis's maxmemory-policy; it must be noeviction`);
    return;
  } finally {
    redis.disconnect();
  }
  if (policy === "noeviction") return;
  const message =
    `Redis maxmemory-policy is ${policy ?? "unknown"}, but it must be noeviction: under memory pressure Redis would ` +
    "delete queued emails, reminders and job schedulers. Set maxmemory-policy noeviction on the Redis server.";
  if (production) throw new EvictionPolicyError(`${who} refuses to start: ${message}`);
  getLogger().warn(`${who}: ${message} (a warning in development; production refuses to start)`);
}

/** For a process's start: the check above, and on a refusal the reason on stderr and exit code 1. */
export async function checkEvictionPolicyOrExit(who: "web" | "worker") {
  try {
    await checkEvictionPolicy(who);
  } catch (error) {
    if (!(error instanceof EvictionPolicyError)) throw error;
    getLogger().fatal(error.message);
    process.exit(1);
  }
}
