import { caught } from "#tests/support/caught.js";
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { requestCandidateLinks } from "#app/domain/links/sign-in-links.server.js";
import { hashPassword } from "#app/utils/password.server.js";
import { createLimiters, signInLimit } from "#app/utils/rate-limit.server.js";
import { createRedis, getProducerRedis } from "#jobs/connection.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { action as meAction } from "#app/routes/me.js";
import { action as signInAction } from "#app/routes/sign-in.js";
import { loader as pipelineLoader } from "#app/routes/pipeline._index.js";
import { action as signOutAction } from "#app/routes/sign-out.js";
import { applicationInput, closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { runInOrg } from "#tests/support/run.js";
import type { OrgRunner } from "#app/domain/after-commit.js";

afterAll(closeOwnerDb);

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields), headers });

async function pendingLinkEmails(orgId: string) {
  return withOrg(getDb(), orgId, (trx) => trx.selectFrom("outbox").select("payload").where("kind", "=", "candidate-sign-in").execute());
}

describe("candidate sign-in links", () => {
  it("answers the same whether or not the email is known, and sends only to a known one", async () => {
    const org = await insertOrg();
    const input = applicationInput();
    await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    const context = { clientIp: `10.0.0.${Math.floor(Math.random() * 250)}` };

    const known = await meAction({ request: post("/me", { email: input.email.toUpperCase() }), params: {}, context });
    const unknown = await meAction({ request: post("/me", { email: "nobody@example.com" }), params: {}, context });
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ sent: true });
    expect(await pendingLinkEmails(org.orgId)).toHaveLength(1);
  });

  it("sends at most 3 links per email in 15 minutes, and still answers the same", async () => {
    const org = await insertOrg();
    const input = applicationInput();
    await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    for (let i = 0; i < 5; i++) {
      const result = await meAction({ request: post("/me", { email: input.email }), params: {}, context: { clientIp: `10.1.${i}.1` } });
      expect(result).toMatchObject({ sent: true });
    }
    expect(await pendingLinkEmails(org.orgId)).toHaveLength(3);
  });

  it("finds the candidate in every organisation they applied to", async () => {
    const a = await insertOrg();
    const b = await insertOrg();
    const input = applicationInput();
    await runInOrg(a.orgId, (ctx) => applyToVacancy(ctx, a.vacancyId, input));
    await runInOrg(b.orgId, (ctx) => applyToVacancy(ctx, b.vacancyId, input));
    const orgs: string[] = [];
    const run: OrgRunner = (orgId, work) => {
      orgs.push(orgId);
      return runInOrg(orgId, work);
    };
    const sent = await requestCandidateLinks(getDb(), run, input.email, "/me");
    expect(sent).toBe(2);
    expect(orgs.sort()).toEqual([a.orgId, b.orgId].sort());
  });

  it("gives a clear message for a badly typed email", async () => {
    const result = await meAction({ request: post("/me", { email: "not an email" }), params: {}, context: {} });
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(400);
    expect(await (result as Response).json()).toMatchObject({ fieldErrors: { email: "Enter an email address like name@example.com" } });
  });
});

describe("staff sign-in", () => {
  it("signs in with the right password, opens the pipeline, and signs out for good", async () => {
    const org = await insertOrg();
    const email = `coach@${org.slug}.test`;
    await withOrg(ownerDb(), org.orgId, async (trx) =>
      trx
        .insertInto("users")
        .values({ email, name: "Casey Coach", role: "coach", passwordHash: await hashPassword("correct horse") })
        .execute(),
    );
    const context = { clientIp: "10.2.0.1" };

    const wrong = (await signInAction({ request: post("/sign-in", { email, password: "wrong" }), params: {}, context })) as Response;
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ fieldErrors: { password: "The email address or password is not right" } });

    const ok = (await signInAction({
      request: post("/sign-in", { email: email.toUpperCase(), password: "correct horse", redirectTo: "/pipeline?team=x" }),
      params: {},
      context,
    })) as Response;
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/pipeline?team=x");
    const cookie = (ok.headers.get("Set-Cookie") ?? "").split(";")[0];
    const pipeline = await pipelineLoader({
      request: new Request("http://localhost/pipeline", { headers: { Cookie: cookie } }),
      params: {},
      context,
    });
    expect(pipeline.total).toBe(0);

    await signOutAction({ request: post("/sign-out", {}, { Cookie: cookie }), params: {}, context });
    const after = await caught(
      pipelineLoader({
        request: new Request("http://localhost/pipeline", { headers: { Cookie: cookie } }),
        params: {},
        context,
      }),
    );
    expect((after as Response).status).toBe(302);
    expect((after as Response).headers.get("Location")).toBe("/sign-in?redirectTo=%2Fpipeline");
  });

  async function insertStaff(password: string) {
    const org = await insertOrg();
    const email = `coach-${randomBytes(3).toString("hex")}@${org.slug}.test`;
    await withOrg(ownerDb(), org.orgId, async (trx) =>
      trx
        .insertInto("users")
        .values({ email, name: "Casey Coach", role: "coach", passwordHash: await hashPassword(password) })
        .execute(),
    );
    return email;
  }
  const signIn = async (fields: Record<string, string>, clientIp: string) =>
    (await signInAction({ request: post("/sign-in", fields), params: {}, context: { clientIp } })) as Response;

  it.each([
    ["/%09/evil.example (a tab once the query is decoded)", "/\t/evil.example"],
    ["a tab", "/\tevil"],
    ["a newline", "/\nevil"],
    ["a backslash", "/\\evil.example"],
    ["two backslashes", "/\\\\evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["an absolute URL", "https://evil.example"],
    ["an encoded protocol-relative URL", "%2F%2Fevil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
  ])("never redirects off the site after sign-in: %s", async (_, redirectTo) => {
    const email = await insertStaff("pw-123456");
    const res = await signIn({ email, password: "pw-123456", redirectTo }, `10.3.${Math.floor(Math.random() * 250)}.1`);
    expect(res.status).toBe(302);
    // Back to /sign-in on this site, which sends a signed-in person to their role's home page.
    expect(res.headers.get("Location")).toBe("/sign-in");
  });

  it("takes the sign-in form's own redirectTo, read from /sign-in?redirectTo=%2F%09%2Fevil.example, to this site only", async () => {
    const email = await insertStaff("pw-123456");
    const redirectTo = new URL("http://localhost/sign-in?redirectTo=%2F%09%2Fevil.example").searchParams.get("redirectTo") ?? "";
    const res = await signIn({ email, password: "pw-123456", redirectTo }, "10.3.255.1");
    expect(res.headers.get("Location")).toBe("/sign-in");
  });
});

describe("wrong passwords", () => {
  async function insertStaff(password: string) {
    const org = await insertOrg();
    const email = `lead-${randomBytes(3).toString("hex")}@${org.slug}.test`;
    await withOrg(ownerDb(), org.orgId, async (trx) =>
      trx
        .insertInto("users")
        .values({ email, name: "Lee", role: "lead", passwordHash: await hashPassword(password) })
        .execute(),
    );
    return email;
  }
  const signIn = async (email: string, password: string, clientIp: string) =>
    (await signInAction({ request: post("/sign-in", { email, password }), params: {}, context: { clientIp } })) as Response;
  const someIp = () => `10.${randomInt(4, 250)}.${randomInt(0, 250)}.${randomInt(1, 250)}`;

  it("cannot lock the right person out: a stranger's guesses block only the stranger", async () => {
    const email = await insertStaff("the right one");
    const stranger = someIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn(email, `guess ${i}`, stranger)).status);
    expect(statuses.slice(0, 11)).toEqual(Array(11).fill(400));
    expect(statuses[11]).toBe(429);
    // Blocked without the password being checked, even the right one.
    const blocked = await signIn(email, "the right one", stranger);
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ fieldErrors: { email: "Too many attempts. Wait 15 minutes, then try again." } });

    // The colleague, from their own address, signs in.
    const colleague = await signIn(email.toUpperCase(), "the right one", someIp());
    expect(colleague.status).toBe(302);
  });

  it("counts only failures, and a right password starts the count again", async () => {
    const email = await insertStaff("the right one");
    const ip = someIp();
    // 14 attempts and 12 failures from one address and account: more than either limit, but
    // never more than 10 failures in a row.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 6; i++) expect((await signIn(email, `typo ${i}`, ip)).status).toBe(400);
      expect((await signIn(email, "the right one", ip)).status).toBe(302);
    }
  });

  it("blocks an address for a day after 100 wrong passwords, whatever the accounts", async () => {
    const ip = someIp();
    const other = await signInLimit("someone@else.test", ip);
    for (let i = 0; i < 101; i++) await (await signInLimit(`user${i}@example.test`, ip)).failed();
    expect(await other.blockedForMinutes()).toBe(24 * 60);
    expect(await (await signInLimit("someone@else.test", someIp())).blockedForMinutes()).toBe(0);
  });

  it("keeps no email address or IP address in Redis", async () => {
    const email = await insertStaff("the right one");
    const ip = someIp();
    await signIn(email, "wrong", ip);
    await meAction({ request: post("/me", { email }), params: {}, context: { clientIp: ip } });
    const redis = getProducerRedis();
    const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:rl:*`);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) {
      expect(key).not.toContain(email);
      expect(key).not.toContain(email.split("@")[0]);
      expect(key).not.toContain(ip);
    }
  });

  it("still limits guesses in memory while Redis cannot be reached", async () => {
    const down = createRedis("producer", "redis://127.0.0.1:1");
    try {
      const limit = await signInLimit("lead@down.test", "10.0.0.9", createLimiters(down, `test-${randomUUID()}`));
      expect(await limit.blockedForMinutes()).toBe(0);
      for (let i = 0; i < 11; i++) await limit.failed();
      expect(await limit.blockedForMinutes()).toBe(15);
      await limit.succeeded();
    } finally {
      down.disconnect();
    }
  });
});
