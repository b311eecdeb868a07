import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { execFileSync } from "node:child_process";
import { dropDatabase } from "../../db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One database per test run, so runs never collide; dropped when the run ends. */
export default async function setup(project: TestProject) {
  const base = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  base.pathname = `/circle_test_${randomBytes(5).toString("hex")}`;
  const url = base.toString();
  // The migrator loads .ts migrations, which this (plain Node) process cannot: run the real CLI.
  execFileSync(process.execPath, ["--import", "tsx", "db/migrate.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(url);
  };
}
