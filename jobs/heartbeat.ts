import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Redis } from "ioredis";

// Each worker process writes its own key every 10 s; the key expires a minute after the last
// write, so a worker that died (or lost Redis) disappears on its own. /readyz reads them.
export const HEARTBEAT_EVERY_MS = 10_000;
const HEARTBEAT_TTL_SECONDS = 60;

const heartbeatKey = (prefix: string, id: string) => `${prefix}:worker:heartbeat:${id}`;

/** Starts writing this worker's heartbeat; returns a stop function that also deletes the key. */
export function startHeartbeat(redis: Redis, prefix: string) {
  const key = heartbeatKey(prefix, `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`);
  const beat = () => redis.set(key, String(Date.now()), "EX", HEARTBEAT_TTL_SECONDS).catch(() => {});
  void beat();
  const timer = setInterval(beat, HEARTBEAT_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await redis.del(key).catch(() => {});
  };
}

/** Milliseconds since each live worker's last heartbeat. */
export async function workerHeartbeatAges(redis: Redis, prefix: string): Promise<number[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", heartbeatKey(prefix, "*"), "COUNT", 100);
    cursor = next;
    keys.push(...found);
  } while (cursor !== "0");
  if (!keys.length) return [];
  const values = await redis.mget(keys);
  const now = Date.now();
  return values.filter((value): value is string => value !== null).map((value) => now - Number(value));
}
