import { randomUUID } from "node:crypto";
import { inject } from "vitest";

// Each drill file: the run's database and its own key prefix. Every drill starts its own Redis and
// sets REDIS_URL before any app module reads the environment.
process.env.DATABASE_URL = inject("databaseUrl");
delete process.env.APP_DATABASE_URL;
delete process.env.REDIS_URL;
process.env.QUEUE_PREFIX = `drill-${randomUUID()}`;
process.env.NODE_ENV = "test";
