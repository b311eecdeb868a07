/**
 * The second half of `npm run build` (after `remix build`): compiles the web server, the worker and
 * the migrator to plain JavaScript in build/, so production runs `node build/*.js` with no
 * TypeScript compiler at run time.
 *
 * Packages stay external (imported from node_modules as they are); our own code, `#app/*` and the
 * other subpath imports included (esbuild reads package.json "imports"), is bundled. The migrations
 * are bundled too: db/migration-provider.ts reads the folder at run time, which a bundle cannot, so
 * here it is swapped for a module that imports every migration file statically.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const migrationsDir = path.join(root, "db", "migrations");

/** Same rule as Kysely's FileMigrationProvider: every .ts/.js file except declarations. */
export function migrationFiles(dir = migrationsDir) {
  return readdirSync(dir)
    .filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith(".d.ts"))
    .sort();
}

const staticMigrations: Plugin = {
  name: "static-migrations",
  setup(b) {
    b.onLoad({ filter: /[\\/]db[\\/]migration-provider\.ts$/ }, () => {
      const files = migrationFiles();
      const imports = files.map((file, i) => `import * as m${i} from ${JSON.stringify(path.join(migrationsDir, file))};`);
      const entries = files.map((file, i) => `  ${JSON.stringify(file.replace(/\.[^.]+$/, ""))}: m${i},`);
      return {
        loader: "ts",
        resolveDir: path.dirname(migrationsDir),
        contents: [
          ...imports,
          "const migrations = {",
          ...entries,
          "};",
          "/** Every migration, listed when the bundle was built. */",
          "export function migrationProvider() {",
          "  return { getMigrations: async () => migrations };",
          "}",
          "export function migrationNames() {",
          "  return Object.keys(migrations).sort();",
          "}",
        ].join("\n"),
      };
    });
  },
};

/** Writes server.js, worker.js, migrate.js and operator.js (with source maps) to `outdir`. */
export async function buildServer(outdir = path.join(root, "build")) {
  await build({
    absWorkingDir: root,
    entryPoints: { server: "server.ts", worker: "jobs/worker.ts", migrate: "db/migrate.ts", operator: "scripts/create-operator.ts" },
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // Stack traces in production name the TypeScript file and line (node --enable-source-maps).
    sourcemap: true,
    plugins: [staticMigrations],
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildServer();
  console.log(`built build/server.js, build/worker.js, build/migrate.js and build/operator.js in ${Math.round(performance.now() - started)} ms`);
}
