import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase } from "#db/migrate.js";
import { buildServer, migrationFiles } from "../../scripts/build-server.js";

// What production runs: the compiled server, worker and migrator (npm run build), started with
// plain `node`, without tsx. Built here into a temporary folder, so the test needs no prior build
// (inside the project, where Node finds node_modules; .cache is git-ignored).

mkdirSync(".cache", { recursive: true });
const dir = path.resolve(mkdtempSync(path.join(".cache", "build-test-")));
const out = path.join(dir, "build");
const database = `circle_build_${randomBytes(4).toString("hex")}`;
const url = new URL(process.env.DATABASE_URL as string);
url.pathname = `/${database}`;
const databaseUrl = url.toString();

beforeAll(() => buildServer(out), 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropDatabase(databaseUrl);
});

describe("the production build", () => {
  it("imports only runtime dependencies: `npm install --omit=dev` is enough to run it", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const file of ["server.js", "worker.js", "migrate.js"]) {
      const code = readFileSync(path.join(out, file), "utf8");
      const specifiers = [...code.matchAll(/^import (?:[^'"]*? from )?"([^"]+)";$/gm)].map((m) => m[1]);
      expect(specifiers.length).toBeGreaterThan(0);
      const packages = specifiers
        .filter((s) => !builtins.has(s))
        .map((s) =>
          s
            .split("/")
            .slice(0, s.startsWith("@") ? 2 : 1)
            .join("/"),
        );
      // No relative or subpath (#app/…) import is left to resolve at run time.
      expect({ file, unknown: packages.filter((p) => !(p in pkg.dependencies)) }).toEqual({ file, unknown: [] });
    }
  });

  it("migrates a new database with every migration in db/migrations", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(out, "migrate.js")], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    expect(stdout).toContain("database is up to date");
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ name: string }>("select name from kysely_migration order by name");
    await client.end();
    expect(rows.map((r) => r.name)).toEqual(migrationFiles().map((file) => file.replace(/\.ts$/, "")));
  });

  it("starts the worker, which finishes and exits cleanly on SIGTERM", async () => {
    const worker = spawn(process.execPath, [path.join(out, "worker.js")], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (d) => {
      output += d;
    });
    worker.stderr.on("data", (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while (!output.includes("worker: waiting for jobs") && Date.now() < deadline && worker.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toContain("worker: waiting for jobs");
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("worker: SIGTERM, finishing running jobs");
  }, 30_000);
});
