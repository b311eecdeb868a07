import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import pg from "pg";

/**
 * The password of the role the app connects as (circle_app), taken from APP_DATABASE_URL.
 * `npm run db:migrate` / `db:deploy` set it on the role, so the URL the app uses is the one place
 * it is written down. Null when the URL carries no password.
 */
export function appRoleCredentials(appDatabaseUrl: string) {
  const url = new URL(appDatabaseUrl);
  if (!url.password) return null;
  return { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

/**
 * A SCRAM-SHA-256 verifier, as PostgreSQL stores it (RFC 5802/7677; what psql's \password sends),
 * so the password itself never reaches the server and cannot end up in its statement log.
 * NOTE: the password is used as its UTF-8 bytes without SASLprep, as node-postgres does when it
 * logs in (https://github.com/brianc/node-postgres/blob/master/packages/pg/lib/crypto/sasl.js).
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096) {
  const salted = pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

/**
 * Sets the app role's password from APP_DATABASE_URL, connecting as the owner (which needs
 * CREATEROLE, as the migrations do to create circle_app). Does nothing when the URL has no password.
 */
export async function setAppRolePassword(ownerUrl: string, appDatabaseUrl: string) {
  const credentials = appRoleCredentials(appDatabaseUrl);
  if (!credentials) return null;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // ALTER ROLE takes no bind parameters: both parts are quoted by PostgreSQL itself.
    const { rows } = await client.query<{ statement: string }>(
      "select format('alter role %I password %L', $1::text, $2::text) as statement",
      [credentials.user, scramVerifier(credentials.password)],
    );
    await client.query(rows[0].statement);
  } finally {
    await client.end();
  }
  return credentials.user;
}
