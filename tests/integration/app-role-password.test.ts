import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { appRoleCredentials, scramVerifier, setAppRolePassword } from "#db/app-role.js";

// `npm run db:migrate` gives the app's role the password in APP_DATABASE_URL. Checked on a role of
// this test's own (roles belong to the whole cluster, which other runs share).

const ownerUrl = process.env.DATABASE_URL as string;
const role = `circle_app_test_${randomBytes(4).toString("hex")}`;

async function storedVerifier() {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolpassword: string | null }>("select rolpassword from pg_authid where rolname = $1", [role]);
    return rows[0].rolpassword;
  } finally {
    await client.end();
  }
}

async function run(text: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

afterAll(() => run(`drop role if exists ${role}`));

/** PostgreSQL's salt and iteration count, to recompute a stored verifier. */
const saltOf = (verifier: string) => {
  const [, iterations, salt] = verifier.match(/^SCRAM-SHA-256\$(\d+):([^$]+)\$/) ?? [];
  return { iterations: Number(iterations), salt: Buffer.from(salt, "base64") };
};

describe("the app role's password", () => {
  it("is hashed exactly as PostgreSQL hashes it, so the app can log in with it", async () => {
    await run(`create role ${role} login`);
    await run(`set password_encryption = 'scram-sha-256'; alter role ${role} password 'correct horse 42'`);
    const byPostgres = (await storedVerifier()) as string;
    const { salt, iterations } = saltOf(byPostgres);
    expect(scramVerifier("correct horse 42", salt, iterations)).toBe(byPostgres);
    expect(scramVerifier("correct horse 43", salt, iterations)).not.toBe(byPostgres);
  });

  it("is set from APP_DATABASE_URL, and left alone when the URL has none", async () => {
    const appUrl = new URL(ownerUrl);
    appUrl.username = role;
    expect(await setAppRolePassword(ownerUrl, appUrl.toString())).toBeNull();
    const before = await storedVerifier();

    appUrl.password = encodeURIComponent("s3cret/with:odd@chars");
    expect(appRoleCredentials(appUrl.toString())).toEqual({ user: role, password: "s3cret/with:odd@chars" });
    expect(await setAppRolePassword(ownerUrl, appUrl.toString())).toBe(role);
    const after = (await storedVerifier()) as string;
    expect(after).not.toBe(before);
    const { salt, iterations } = saltOf(after);
    expect(after).toBe(scramVerifier("s3cret/with:odd@chars", salt, iterations));
  });
});
