import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Row-level security must hold for the table owner too (FORCE), while the SECURITY DEFINER
// look-ups keep working across organisations because they run as circle_definer (see the
// migration 2026_12_04_0900_force_row_level_security and ARCHITECTURE.md).

const testUrl = process.env.DATABASE_URL as string;

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const withUrl = (url: string, changes: { user?: string; database?: string }) => {
  const next = new URL(url);
  if (changes.user) next.username = changes.user;
  if (changes.database) next.pathname = `/${changes.database}`;
  return next.toString();
};

describe("row-level security", () => {
  it("is enabled and forced on every table with an org_id column, with the tenant policy", async () => {
    const tables = await query<{ table: string; enabled: boolean; forced: boolean; policies: string[] }>(
      testUrl,
      `select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
              array(select polname::text from pg_policy where polrelid = c.oid order by 1) as policies
         from pg_class c
         join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        order by 1`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(47);
    const wrong = tables.filter(
      (t) => !t.enabled || !t.forced || !t.policies.includes("tenant_isolation") || !t.policies.includes("definer_access"),
    );
    // A new tenant table needs: enable + force row level security, a tenant_isolation policy and
    // a definer_access policy (to circle_definer), like the others.
    expect(wrong).toEqual([]);
  });

  it("every SECURITY DEFINER function runs as circle_definer, not as the table owner", async () => {
    const functions = await query<{ name: string; owner: string }>(
      testUrl,
      `select p.oid::regprocedure::text as name, pg_get_userbyid(p.proowner) as owner
         from pg_proc p where p.prosecdef and p.pronamespace = 'public'::regnamespace order by 1`,
    );
    expect(functions.length).toBeGreaterThan(30);
    // Under FORCE a function owned by a non-superuser owner sees no organisation's rows. Hand a new
    // one over with `alter function … owner to circle_definer` (see the migration for how).
    expect(functions.filter((f) => f.owner !== "circle_definer")).toEqual([]);
    const [definer] = await query<{ rolbypassrls: boolean; rolcanlogin: boolean; rolsuper: boolean }>(
      testUrl,
      "select rolbypassrls, rolcanlogin, rolsuper from pg_roles where rolname = 'circle_definer'",
    );
    expect(definer).toEqual({ rolbypassrls: false, rolcanlogin: false, rolsuper: false });
  });

  describe("migrated by a table owner that is not a superuser, as on a managed PostgreSQL", () => {
    const owner = `circle_owner_${randomBytes(4).toString("hex")}`;
    const database = `circle_rls_${randomBytes(4).toString("hex")}`;
    const superUrl = withUrl(testUrl, { database: "postgres" });
    const ownerUrl = withUrl(testUrl, { user: owner, database });
    const appUrl = withUrl(testUrl, { user: "circle_app", database });
    const oak = { org: randomUUID(), user: randomUUID(), email: `lead-${randomUUID()}@oak.test` };
    const river = { org: randomUUID(), user: randomUUID(), email: `lead-${randomUUID()}@river.test` };

    beforeAll(async () => {
      await query(superUrl, `create role ${owner} login createrole`);
      await query(superUrl, `create database ${database} owner ${owner}`);
      // The real CLI: the migrator loads .ts migrations, which this test process cannot.
      await promisify(execFile)(process.execPath, ["--import", "tsx", "db/migrate.ts"], {
        env: { ...process.env, DATABASE_URL: ownerUrl },
      });
      // The owner adds each organisation's rows the way the seed does: with that organisation set.
      for (const org of [oak, river]) {
        const client = new pg.Client({ connectionString: ownerUrl });
        await client.connect();
        try {
          await client.query("begin");
          await client.query("select set_config('app.org_id', $1, true)", [org.org]);
          await client.query("insert into organisations (id, slug, name) values ($1, $2, 'Org')", [org.org, `o-${org.org}`]);
          await client.query("insert into users (id, email, name, role, password_hash) values ($1, $2, 'Lead', 'lead', 'x')", [
            org.user,
            org.email,
          ]);
          await client.query("insert into outbox (kind) values ('test')");
          await client.query("commit");
        } finally {
          await client.end();
        }
      }
    }, 120_000);

    afterAll(async () => {
      await query(superUrl, `drop database if exists ${database} with (force)`);
      await query(superUrl, `drop role if exists ${owner}`);
    });

    it("the owner sees no organisation's rows without one set, and only that organisation's with it", async () => {
      expect(await query(ownerUrl, "select id from users")).toEqual([]);
      expect(await query(ownerUrl, "select id from outbox")).toEqual([]);
      const client = new pg.Client({ connectionString: ownerUrl });
      await client.connect();
      try {
        await client.query("begin");
        await client.query("select set_config('app.org_id', $1, true)", [oak.org]);
        expect((await client.query("select id from users")).rows).toEqual([{ id: oak.user }]);
        await expect(client.query("insert into regions (name, org_id) values ('Sneaky', $1)", [river.org])).rejects.toThrow(
          /row-level security/,
        );
        await client.query("rollback");

        // The same owner without FORCE: every organisation's rows. This is what FORCE closes.
        await client.query("begin");
        await client.query("alter table users no force row level security");
        expect((await client.query("select id from users")).rows).toHaveLength(2);
        await client.query("rollback");
      } finally {
        await client.end();
      }
    });

    it("is never left a member of circle_definer, whose policy lets everything through", async () => {
      const [membership] = await query<{ member: boolean }>(superUrl, "select pg_has_role($1, 'circle_definer', 'member') as member", [
        owner,
      ]);
      expect(membership.member).toBe(false);
    });

    it("the look-ups that run before an organisation is known still find every organisation's rows", async () => {
      // As the app, with no organisation set: sign-in by email and the outbox relay.
      const [staff] = await query<{ org_id: string }>(appUrl, "select org_id from auth_staff_by_email($1)", [river.email]);
      expect(staff.org_id).toBe(river.org);
      const pending = await query<{ org_id: string }>(appUrl, "select org_id from outbox_pending(100)");
      expect(new Set(pending.map((row) => row.org_id))).toEqual(new Set([oak.org, river.org]));
      // And the app itself still sees nothing unscoped.
      expect(await query(appUrl, "select id from users")).toEqual([]);
    });
  });
});
