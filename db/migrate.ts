import { fileURLToPath } from "node:url";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { getServerEnv } from "../app/env.server.js";
import { setAppRolePassword } from "./app-role.js";
import { migrationProvider } from "./migration-provider.js";

/** Creates the database named in `url` when it does not exist yet (connecting to `postgres`). */
export async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    // Another process created it at the same moment.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
  } finally {
    await client.end();
  }
}

/** Runs every migration as the owner role (DATABASE_URL). */
export async function migrateToLatest(url: string) {
  await ensureDatabase(url);
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
  const migrator = new Migrator({ db, provider: migrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  await db.destroy();
  for (const result of results ?? []) {
    if (result.status === "Error") console.error(`migration ${result.migrationName} failed`);
  }
  if (error) throw error;
  return results ?? [];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = getServerEnv();
  try {
    const results = await migrateToLatest(env.DATABASE_URL);
    for (const r of results) console.log(`migrated ${r.migrationName}`);
    console.log(results.length ? "database is up to date" : "nothing to migrate: database is up to date");
    // Only a password given in APP_DATABASE_URL: the one derived from DATABASE_URL has none.
    const role = await setAppRolePassword(env.DATABASE_URL, env.APP_DATABASE_URL);
    if (role) console.log(`set the password of role ${role} from APP_DATABASE_URL`);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
