import { afterEach, describe, expect, it, vi } from "vitest";

// getServerEnv caches its result: each case loads a fresh copy of the module.
async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  const { getServerEnv } = await import("./env.server.js");
  return () => getServerEnv();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const deployed = { APP_URL: "https://jobs.example.org", SESSION_SECRET: "a-long-random-session-secret" };

describe("the app database URL in a deployment (APP_URL https)", () => {
  it("refuses to start when the app's role has no password", async () => {
    const env = await loadEnv({ ...deployed, DATABASE_URL: "postgres://owner:pw@db:5432/circle", APP_DATABASE_URL: undefined });
    expect(env).toThrow(/APP_DATABASE_URL must include the circle_app role's password/);
    const explicit = await loadEnv({ ...deployed, APP_DATABASE_URL: "postgres://circle_app@db:5432/circle" });
    expect(explicit).toThrow(/APP_DATABASE_URL/);
  });

  it("starts with a password, and locally (http) without one", async () => {
    const env = await loadEnv({ ...deployed, APP_DATABASE_URL: "postgres://circle_app:pw@db:5432/circle" });
    expect(env().APP_DATABASE_URL).toBe("postgres://circle_app:pw@db:5432/circle");
    const local = await loadEnv({ APP_URL: "http://localhost:3000", APP_DATABASE_URL: undefined, DATABASE_URL: undefined });
    expect(local().APP_DATABASE_URL).toBe("postgres://circle_app@127.0.0.1:5432/circle_hire");
  });
});
