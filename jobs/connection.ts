import { Redis, type RedisOptions } from "ioredis";
import { getServerEnv } from "../app/env.server.js";
import { disposeSingleton, singleton } from "../db/singleton.js";

/**
 * Workers block on Redis and must never give up a command (maxRetriesPerRequest: null).
 * Producers (the web app) fail fast when Redis is down instead of queueing commands in memory:
 * the outbox in PostgreSQL keeps the work until the relay can enqueue it.
 * NOTE: https://docs.bullmq.io/guide/going-to-production
 */
export function createRedis(kind: "worker" | "producer", url = getServerEnv().REDIS_URL) {
  const options: RedisOptions =
    kind === "worker" ? { maxRetriesPerRequest: null } : { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 };
  const redis = new Redis(url, options);
  // Without a listener ioredis prints every failed reconnect; the health check reports it instead.
  redis.on("error", () => {});
  return redis;
}

/** The web process's shared producer connection (queues, rate limits, health check). */
export function getProducerRedis() {
  return singleton("redis-producer", () => createRedis("producer"));
}

export const closeProducerRedis = () => disposeSingleton<Redis>("redis-producer", (redis) => redis.quit().catch(() => {}));

export function keyPrefix() {
  return getServerEnv().QUEUE_PREFIX;
}
