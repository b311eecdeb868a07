import { getProducerRedis, keyPrefix } from "#jobs/connection.js";
import { getLogger } from "./logger.server.js";

/**
 * A fixed-window counter in Redis. Returns false once `limit` is reached in the window.
 * If Redis cannot be reached it lets the request through (logged): sign-in must not depend on it.
 */
export async function hitRateLimit(bucket: string, key: string, limit: number, windowSeconds: number) {
  const redis = getProducerRedis();
  const name = `${keyPrefix()}:rl:${bucket}:${key}`;
  try {
    const [[, count]] = (await redis.multi().incr(name).expire(name, windowSeconds, "NX").exec()) as [[null, number]];
    return count <= limit;
  } catch (error) {
    getLogger().warn({ err: error, bucket }, "rate limit not checked");
    return true;
  }
}
