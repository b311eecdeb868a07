import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { requestCandidateLinks } from "#app/domain/auth/candidate-links.server.js";
import { hashPassword } from "#app/utils/password.server.js";
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
    const after = await pipelineLoader({
      request: new Request("http://localhost/pipeline", { headers: { Cookie: cookie } }),
      params: {},
      context,
    }).catch((r: Response) => r);
    expect((after as Response).status).toBe(302);
    expect((after as Response).headers.get("Location")).toBe("/sign-in?redirectTo=%2Fpipeline");
  });

  it("never redirects off the site after sign-in", async () => {
    const org = await insertOrg();
    const email = `lead2@${org.slug}.test`;
    await withOrg(ownerDb(), org.orgId, async (trx) =>
      trx
        .insertInto("users")
        .values({ email, name: "L", role: "lead", passwordHash: await hashPassword("pw-123456") })
        .execute(),
    );
    const res = (await signInAction({
      request: post("/sign-in", { email, password: "pw-123456", redirectTo: "//evil.test/steal" }),
      params: {},
      context: { clientIp: "10.3.0.1" },
    })) as Response;
    // Back to /sign-in on this site, which sends a signed-in person to their role's home page.
    expect(res.headers.get("Location")).toBe("/sign-in");
  });
});
