import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEvictionPolicy } from "#jobs/redis-policy.js";
import { startApp } from "#tests/support/app-process.js";
import { freePort, type PrivateRedis, startPrivateRedis } from "#tests/support/private-services.js";

// Drill: a Redis that evicts keys under memory pressure (allkeys-lru) would silently drop queued
// emails, reminders and job schedulers. Production refuses to start on it; development warns.

let redis: PrivateRedis;

beforeAll(async () => {
  redis = await startPrivateRedis(["--maxmemory-policy", "allkeys-lru"]);
});
afterAll(() => redis?.stop());

const envFor = async (nodeEnv: "production" | "development") => {
  const port = await freePort();
  return {
    NODE_ENV: nodeEnv,
    DATABASE_URL: process.env.DATABASE_URL as string,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX as string,
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
  };
};

describe("Redis eviction policy drill", () => {
  it("in production, the web server and the worker refuse to start on allkeys-lru and say why", async () => {
    const [web, worker] = [startApp("web", await envFor("production")), startApp("worker", await envFor("production"))];
    expect(await web.exited).toBe(1);
    expect(await worker.exited).toBe(1);
    for (const [name, app] of [
      ["web", web],
      ["worker", worker],
    ] as const) {
      expect(app.output()).toContain(`${name} refuses to start: Redis maxmemory-policy is allkeys-lru, but it must be noeviction`);
      expect(app.output()).not.toMatch(/listening|waiting for jobs/);
    }
  });

  it("in development, both start and warn", async () => {
    const [web, worker] = [startApp("web", await envFor("development")), startApp("worker", await envFor("development"))];
    try {
      await Promise.all([web.waitFor(/web: listening/), worker.waitFor(/worker: waiting for jobs/)]);
      expect(web.output()).toContain("web: Redis maxmemory-policy is allkeys-lru, but it must be noeviction");
      expect(worker.output()).toContain("worker: Redis maxmemory-policy is allkeys-lru, but it must be noeviction");
    } finally {
      await Promise.all([web.kill("SIGKILL"), worker.kill("SIGKILL")]);
    }
  });

  it("reads the policy from INFO where CONFIG is disabled, as on managed Redis", async () => {
    const managed = await startPrivateRedis(["--maxmemory-policy", "allkeys-lru", "--rename-command", "CONFIG", ""]);
    const client = new Redis(managed.url);
    try {
      await expect(client.call("CONFIG", "GET", "maxmemory-policy")).rejects.toThrow(/unknown command/i);
      expect(await readEvictionPolicy(client)).toBe("allkeys-lru");
    } finally {
      client.disconnect();
      await managed.stop();
    }
  });
});
