import { promises as fs, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FileMigrationProvider, type MigrationProvider } from "kysely";

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Reads db/migrations/ when migrating from source (development, tests). The production build
 * (scripts/build-server.ts) replaces this module with one that imports every migration file, since
 * a bundle has no folder of .ts files to read.
 */
export function migrationProvider(): MigrationProvider {
  return new FileMigrationProvider({ fs, path, migrationFolder });
}

/**
 * The names of every migration this code knows (what /readyz compares with the database), without
 * loading them. Same rule as Kysely's FileMigrationProvider; the production build replaces it too.
 */
export function migrationNames(): string[] {
  return readdirSync(migrationFolder)
    .filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith(".d.ts"))
    .map((file) => file.replace(/\.[^.]+$/, ""))
    .sort();
}
