import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import { getServerEnv } from "../app/env.server.js";
import type { Database } from "./schema.js";
import { disposeSingleton, singleton } from "./singleton.js";

// DATE columns stay as 'YYYY-MM-DD' strings: a calendar date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type DB = Kysely<Database>;
export type Tx = Transaction<Database>;

export function createDb(connectionString: string, max = 10): DB {
  const pool = new pg.Pool({ connectionString, max });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

/** The app's database handle (role circle_app: row-level security applies). */
export function getDb(): DB {
  return singleton("db", () => {
    const env = getServerEnv();
    return createDb(env.APP_DATABASE_URL, env.DB_POOL_SIZE);
  });
}

export const closeDb = () => disposeSingleton<DB>("db", (db) => db.destroy());
