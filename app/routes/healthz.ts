import { sql } from "kysely";
import { getDb } from "#db/client.js";
import { getProducerRedis } from "#jobs/connection.js";

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);

export async function loader() {
  const [postgres, redis] = await Promise.allSettled([
    within(sql`select 1`.execute(getDb()), 2000),
    within(getProducerRedis().ping(), 2000),
  ]);
  const body = {
    postgres: postgres.status === "fulfilled" ? "ok" : "unreachable",
    redis: redis.status === "fulfilled" ? "ok" : "unreachable",
  };
  const ok = body.postgres === "ok" && body.redis === "ok";
  return Response.json({ status: ok ? "ok" : "degraded", ...body }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
