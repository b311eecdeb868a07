import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { listAuditEntries } from "#db/queries/audit.js";
import { action as mixAction } from "#app/routes/settings.mix.js";
import { loader as auditLoader } from "#app/routes/settings.audit.js";
import { action as staffAction, loader as staffLoader } from "#app/routes/settings.staff.js";
import { action as joinAction, loader as joinLoader } from "#app/routes/join.js";
import { loader as pipelineLoader } from "#app/routes/pipeline._index.js";
import { action as signInAction } from "#app/routes/sign-in.js";
import { hashPassword } from "#app/utils/password.server.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";

afterAll(closeOwnerDb);

const mailbox = () => process.env.RESEND_BASE_URL as string;
const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });

/** An organisation with an admin (signed in) besides its lead. */
async function orgWithAdmin() {
  const org = await insertOrg();
  const admin = await withOrg(ownerDb(), org.orgId, (trx) =>
    trx
      .insertInto("users")
      .values({ email: `admin@${org.slug}.test`, name: "Ada Admin", role: "admin", passwordHash: "unused" })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  return {
    ...org,
    adminId: admin.id,
    adminCookie: await staffCookie(org.orgId, admin.id),
    leadCookie: await staffCookie(org.orgId, org.leadId),
  };
}

async function staffPost(cookie: string, fields: Record<string, string>) {
  try {
    return (await staffAction({ request: post("/settings/staff", fields, cookie), params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function invite(org: Awaited<ReturnType<typeof orgWithAdmin>>, role = "lead") {
  const email = `new.${randomBytes(4).toString("hex")}@example.test`;
  const response = await staffPost(org.adminCookie, { intent: "invite", email, role });
  expect(response.headers.get("Location")).toBe("/settings/staff?done=invited");
  const invitation = await withOrg(getDb(), org.orgId, (trx) =>
    trx.selectFrom("staffInvitations").select("id").where("email", "=", email).executeTakeFirstOrThrow(),
  );
  return { email, invitationId: invitation.id };
}

/** Delivers the newest invitation email to `email` and returns the token in its link. */
async function invitationToken(orgId: string, email: string) {
  const rows = await withOrg(getDb(), orgId, (trx) =>
    trx.selectFrom("outbox").select("id").where("kind", "=", "staff-invitation").where("sentAt", "is", null).execute(),
  );
  for (const row of rows) await deliverOutboxEmail(getDb(), orgId, row.id);
  const [newest] = await fetchCaptured(mailbox(), email);
  return decodeURIComponent(/join\?token=([^"&]+)/.exec(newest.html)?.[1] ?? "");
}

const join = (token: string, fields = { name: "Lou Lead", password: "a long enough password" }) =>
  joinAction({ request: post("/join", { token, ...fields }), params: {}, context: {} }) as Promise<Response>;

async function signedIn(cookie: string) {
  try {
    await pipelineLoader({ request: new Request("http://localhost/pipeline", { headers: { Cookie: cookie } }), params: {}, context: {} });
    return true;
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 302) return false;
    throw thrown;
  }
}

describe("staff accounts", () => {
  it("an invitation makes an account with the role chosen, signs the person in, and works once", async () => {
    const org = await orgWithAdmin();
    const { email } = await invite(org, "lead");
    const token = await invitationToken(org.orgId, email);
    const page = await joinLoader({
      request: new Request(`http://localhost/join?token=${encodeURIComponent(token)}`),
      params: {},
      context: {},
    });
    expect(page.invitation).toEqual({ email, role: "lead" });

    const accepted = await join(token);
    expect(accepted.status).toBe(302);
    const cookie = (accepted.headers.get("Set-Cookie") ?? "").split(";")[0];
    expect(await signedIn(cookie)).toBe(true);
    const user = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("users").select(["name", "role"]).where("email", "=", email).executeTakeFirstOrThrow(),
    );
    expect(user).toEqual({ name: "Lou Lead", role: "lead" });

    const again = await join(token, { name: "Someone Else", password: "another long password" });
    expect(again.status).toBe(410);
    const reopened = await joinLoader({
      request: new Request(`http://localhost/join?token=${encodeURIComponent(token)}`),
      params: {},
      context: {},
    });
    expect(reopened.invitation).toBeNull();
  });

  it("an invitation lasts 7 days; a withdrawn one stops working; sending it again replaces the link", async () => {
    const org = await orgWithAdmin();
    const expiring = await invite(org);
    const expiredToken = await invitationToken(org.orgId, expiring.email);
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("staffInvitations")
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where("id", "=", expiring.invitationId)
        .execute(),
    );
    expect((await join(expiredToken)).status).toBe(410);

    const withdrawn = await invite(org);
    const withdrawnToken = await invitationToken(org.orgId, withdrawn.email);
    await staffPost(org.adminCookie, { intent: "withdraw", invitationId: withdrawn.invitationId });
    expect((await join(withdrawnToken)).status).toBe(410);

    const resent = await invite(org);
    const firstToken = await invitationToken(org.orgId, resent.email);
    expect((await staffPost(org.adminCookie, { intent: "resend", invitationId: resent.invitationId })).headers.get("Location")).toBe(
      "/settings/staff?done=resent",
    );
    const secondToken = await invitationToken(org.orgId, resent.email);
    expect(secondToken).not.toBe(firstToken);
    expect((await join(firstToken)).status).toBe(410);
    expect((await join(secondToken)).status).toBe(302);
  });

  it("the last admin can be neither demoted nor deactivated", async () => {
    const org = await orgWithAdmin();
    const demote = await staffPost(org.adminCookie, { intent: "role", userId: org.adminId, role: "lead" });
    expect(demote.status).toBe(409);
    expect((await demote.json()).fieldErrors.form).toMatch(/at least one admin/);

    // With a second admin, the first may step down; the second is then the last.
    const promote = await staffPost(org.adminCookie, { intent: "role", userId: org.leadId, role: "admin" });
    expect(promote.status).toBe(302);
    expect((await staffPost(org.adminCookie, { intent: "role", userId: org.adminId, role: "lead" })).status).toBe(302);
    const secondCookie = await staffCookie(org.orgId, org.leadId);
    expect((await staffPost(secondCookie, { intent: "deactivate", userId: org.leadId })).status).toBe(409);
    const roles = await withOrg(getDb(), org.orgId, (trx) => trx.selectFrom("users").select(["id", "role"]).execute());
    expect(roles.find((r) => r.id === org.leadId)?.role).toBe("admin");
  });

  it("a deactivated person is signed out on their next request and cannot sign in again", async () => {
    const org = await orgWithAdmin();
    const passwordHash = await hashPassword("a long enough password");
    await withOrg(ownerDb(), org.orgId, (trx) => trx.updateTable("users").set({ passwordHash }).where("id", "=", org.leadId).execute());
    expect(await signedIn(org.leadCookie)).toBe(true);
    expect((await staffPost(org.adminCookie, { intent: "deactivate", userId: org.leadId })).status).toBe(302);
    expect(await signedIn(org.leadCookie)).toBe(false);
    const signIn = (await signInAction({
      request: post("/sign-in", { email: `lead@${org.slug}.test`, password: "a long enough password" }),
      params: {},
      context: { clientIp: "10.77.0.1" },
    })) as Response;
    expect(signIn.status).toBe(400);
  });

  it("records each change in the audit log once, with before and after", async () => {
    const org = await orgWithAdmin();
    await staffPost(org.adminCookie, { intent: "role", userId: org.leadId, role: "coach" });
    await staffPost(org.adminCookie, { intent: "role", userId: org.leadId, role: "coach" });
    const entries = await withOrg(getDb(), org.orgId, (trx) => listAuditEntries(trx, { subjectId: org.leadId }, { limit: 10 }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: org.adminId, kind: "staff", before: { role: "lead" }, after: { role: "coach" } });
  });

  it("only admins reach the staff page (a lead gets 403), and another organisation's ids are not found", async () => {
    const a = await orgWithAdmin();
    const b = await orgWithAdmin();
    await expect(
      staffLoader({
        request: new Request("http://localhost/settings/staff", { headers: { Cookie: a.leadCookie } }),
        params: {},
        context: {},
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await staffPost(a.leadCookie, { intent: "invite", email: "x@example.test", role: "admin" })).status).toBe(403);

    const bInvitation = await invite(b);
    const attempts: Record<string, string>[] = [
      { intent: "role", userId: b.leadId, role: "admin" },
      { intent: "deactivate", userId: b.leadId },
      { intent: "resend", invitationId: bInvitation.invitationId },
      { intent: "withdraw", invitationId: bInvitation.invitationId },
    ];
    for (const fields of attempts) {
      expect({ fields, status: (await staffPost(a.adminCookie, fields)).status }).toEqual({ fields, status: 404 });
    }
    const bLead = await withOrg(getDb(), b.orgId, (trx) =>
      trx.selectFrom("users").select(["role", "deactivatedAt"]).where("id", "=", b.leadId).executeTakeFirstOrThrow(),
    );
    expect(bLead).toEqual({ role: "lead", deactivatedAt: null });
  });

  it("a settings page's save is recorded once, with only the fields that changed; saving the same again records nothing", async () => {
    const org = await orgWithAdmin();
    const save = () =>
      mixAction({
        request: post("/settings/mix", { mixTarget: "50", mixBandLow: "35", mixBandHigh: "60" }, org.leadCookie),
        params: {},
        context: {},
      });
    await save();
    await save();
    const entries = await withOrg(getDb(), org.orgId, (trx) => listAuditEntries(trx, { kind: "settings" }, { limit: 10 }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUserId: org.leadId,
      action: "settings.mix",
      before: { mixBandLow: 40 },
      after: { mixBandLow: 35 },
    });
  });

  it("admins read the audit log filtered by person and kind; a lead gets 403", async () => {
    const org = await orgWithAdmin();
    await staffPost(org.adminCookie, { intent: "role", userId: org.leadId, role: "coach" });
    await mixAction({
      request: post("/settings/mix", { mixTarget: "50", mixBandLow: "30", mixBandHigh: "60" }, org.adminCookie),
      params: {},
      context: {},
    });
    const read = (query: string, cookie = org.adminCookie) =>
      auditLoader({
        request: new Request(`http://localhost/settings/audit?${query}`, { headers: { Cookie: cookie } }),
        params: {},
        context: {},
      });
    expect((await read("")).entries.map((e) => e.action)).toEqual(["settings.mix", "staff.role_changed"]);
    expect((await read("kind=staff")).entries.map((e) => e.action)).toEqual(["staff.role_changed"]);
    expect((await read(`person=${org.leadId}`)).entries).toEqual([]);
    expect((await read("from=2000-01-01&to=2000-01-02")).entries).toEqual([]);
    await expect(read("", await staffCookie(org.orgId, org.leadId))).rejects.toMatchObject({ status: 403 });
  });
});
