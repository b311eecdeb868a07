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
  // A host that does not answer (a failover in progress) fails the request in 10 s instead of the
  // operating system's two minutes. (The wait for a free pooled connection counts too.)
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  // PostgreSQL ends connections on a restart, a failover, an idle timeout or pg_terminate_backend.
  // pg reports that as an 'error' event on the client and, for an idle one, on the pool as well;
  // unheard, either kills the process. Log it once (from the client, which also covers a connection
  // checked out between two queries) and let the pool drop the connection: the next query opens a
  // fresh one. A query that was running fails with the error, and the request or job with it.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", (error: Error & { code?: string }) =>
      console.error(`database: connection lost (${error.code ? `${error.code} ` : ""}${error.message}); the pool will open a new one`),
    );
  });
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
