import { sql } from "kysely";
import { getDb } from "#db/client.js";
import { getProducerRedis } from "#jobs/connection.js";

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);

/** Whether PostgreSQL and Redis answer within 2 seconds each (for /healthz). */
export async function checkServices() {
  const [postgres, redis] = await Promise.allSettled([
    within(sql`select 1`.execute(getDb()), 2000),
    within(getProducerRedis().ping(), 2000),
  ]);
  return {
    postgres: postgres.status === "fulfilled" ? ("ok" as const) : ("unreachable" as const),
    redis: redis.status === "fulfilled" ? ("ok" as const) : ("unreachable" as const),
  };
}
