import { timingSafeEqual } from "node:crypto";
import type { Queue } from "bullmq";
import type { RequestHandler } from "express";
import { sql } from "kysely";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { getDb } from "#db/client.js";
import { singleton } from "#db/singleton.js";
import { findOutboxLag } from "#db/queries/service-health.js";
import { getProducerRedis, keyPrefix } from "#jobs/connection.js";
import { workerHeartbeatAges } from "#jobs/heartbeat.js";
import { getEmailQueue, getReminderQueue } from "#jobs/queues.js";
import { getServerEnv } from "../env.server.js";
import { getLogger } from "./logger.server.js";

const QUEUE_STATES = ["waiting", "delayed", "active", "failed", "prioritized", "waiting-children"] as const;
const SOURCE_TIMEOUT_MS = 2000;

/**
 * The web process's Prometheus metrics. Request latency is measured here as requests finish; the
 * queues, the outbox and the workers' heartbeats are read from Redis and PostgreSQL when
 * Prometheus scrapes, so every web instance reports the same numbers and the worker needs no port.
 */
function createMetrics(queues: () => Queue[]) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer a request, by Remix route id (or ops route), method and status.",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  new Gauge({
    name: "circle_metrics_source_up",
    help: "1 when this scrape could reach the source (redis, postgres), 0 when it could not (its other series are then missing).",
    labelNames: ["source"] as const,
    registers: [registry],
    async collect() {
      const [redis, postgres] = await Promise.allSettled([within(getProducerRedis().ping()), within(sql`select 1`.execute(getDb()))]);
      this.set({ source: "redis" }, redis.status === "fulfilled" ? 1 : 0);
      this.set({ source: "postgres" }, postgres.status === "fulfilled" ? 1 : 0);
    },
  });

  new Gauge({
    name: "circle_queue_jobs",
    help: "Jobs in each queue by state (failed jobs are kept 30 days).",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await fromRedis(() =>
        Promise.all(queues().map(async (q) => [q.name, await q.getJobCounts(...QUEUE_STATES)] as const)),
      );
      for (const [queue, byState] of counts ?? []) {
        for (const state of QUEUE_STATES) this.set({ queue, state }, byState[state] ?? 0);
      }
    },
  });

  // Counters kept by BullMQ itself in Redis (the workers run with `metrics`), so they survive
  // restarts of any process and every web instance reports the same total.
  for (const [kind, help] of [
    ["failed", "Jobs that failed for good (after their last attempt), since BullMQ began counting."],
    ["completed", "Jobs completed, since BullMQ began counting."],
  ] as const) {
    new Counter({
      name: `circle_queue_jobs_${kind}_total`,
      help,
      labelNames: ["queue"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        const totals = await fromRedis(() =>
          Promise.all(queues().map(async (q) => [q.name, (await q.getMetrics(kind, 0, 0)).meta.count] as const)),
        );
        for (const [queue, total] of totals ?? []) this.inc({ queue }, Number(total) || 0);
      },
    });
  }

  new Gauge({
    name: "circle_workers_alive",
    help: "Worker processes whose heartbeat (every 10 s) is less than a minute old.",
    registers: [registry],
    async collect() {
      this.reset();
      const ages = await fromRedis(() => workerHeartbeatAges(getProducerRedis(), keyPrefix()));
      if (ages) this.set(ages.length);
    },
  });

  const outboxUnsent = new Gauge({ name: "circle_outbox_unsent", help: "Emails in the outbox not sent yet.", registers: [registry] });
  new Gauge({
    name: "circle_outbox_oldest_unsent_age_seconds",
    help: "How long the oldest email not sent yet has waited (0 when none): the outbox's lag.",
    registers: [registry],
    async collect() {
      this.reset();
      outboxUnsent.reset();
      const lag = await within(findOutboxLag(getDb())).catch((error) => {
        getLogger().warn({ err: error }, "metrics: could not read the outbox");
        return null;
      });
      if (!lag) return;
      this.set(lag.oldestUnsentSeconds ?? 0);
      outboxUnsent.set(lag.unsent);
    },
  });

  async function fromRedis<T>(read: () => Promise<T>): Promise<T | null> {
    try {
      return await within(read());
    } catch (error) {
      getLogger().warn({ err: error }, "metrics: could not read Redis");
      return null;
    }
  }

  return { registry, requestDuration };
}

const within = <T>(promise: Promise<T>, ms = SOURCE_TIMEOUT_MS) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

export const getMetrics = () => singleton("metrics", () => createMetrics(() => [getEmailQueue(), getReminderQueue()]));

export function observeRequest(labels: { route: string; method: string; status: number }, seconds: number) {
  getMetrics().requestDuration.observe({ ...labels, status: String(labels.status) }, seconds);
}

/**
 * GET /metrics for Prometheus, with `Authorization: Bearer $METRICS_TOKEN`. Without METRICS_TOKEN
 * the endpoint does not exist (404); a missing or wrong token gets 401.
 */
export const metricsHandler: RequestHandler = async (req, res, next) => {
  const expected = getServerEnv().METRICS_TOKEN;
  if (!expected) return res.status(404).type("text").send("Not found.");
  const given = /^Bearer (.+)$/.exec(req.get("Authorization") ?? "")?.[1] ?? "";
  if (!sameSecret(given, expected)) {
    return res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text").send("A valid metrics token is required.");
  }
  try {
    const { registry } = getMetrics();
    res.set("Content-Type", registry.contentType).send(await registry.metrics());
  } catch (error) {
    next(error);
  }
};

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
