import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { action as changeAction } from "#app/routes/account.password.js";
import { action as forgotAction } from "#app/routes/forgot-password.js";
import { loader as pipelineLoader } from "#app/routes/pipeline._index.js";
import { action as resetAction, loader as resetLoader } from "#app/routes/reset-password.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { hashPassword } from "#app/utils/password.server.js";
import { signIn } from "#app/utils/staff-sign-in.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { caught } from "#tests/support/caught.js";

afterAll(closeOwnerDb);

const OLD_PASSWORD = "old password for tests";
const NEW_PASSWORD = "a brand new passphrase";
const ip = () => `10.1.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const form = (path: string, fields: Record<string, string>, cookie = "") =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });

/** A lead with a known password and an email no other test uses. */
async function staffMember() {
  const org = await insertOrg();
  const email = `pat.${randomBytes(4).toString("hex")}@example.com`;
  await withOrg(ownerDb(), org.orgId, async (trx) =>
    trx
      .updateTable("users")
      .set({ email, passwordHash: await hashPassword(OLD_PASSWORD) })
      .where("id", "=", org.leadId)
      .execute(),
  );
  return { org, email, cookie: await staffCookie(org.orgId, org.leadId) };
}

/** Sends what the outbox holds for the organisation, and returns the newest email to `email`. */
async function sendAndRead(orgId: string, email: string) {
  const rows = await withOrg(getDb(), orgId, (trx) => trx.selectFrom("outbox").select("id").where("sentAt", "is", null).execute());
  for (const row of rows) await deliverOutboxEmail(getDb(), orgId, row.id);
  return fetchCaptured(process.env.RESEND_BASE_URL as string, email);
}

const tokenIn = (text: string) => {
  const match = text.match(/reset-password\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error("no reset link in the email");
  return match[1];
};

const signedIn = async (cookie: string) => {
  try {
    await pipelineLoader({ request: new Request("http://localhost/pipeline", { headers: { Cookie: cookie } }), params: {}, context: {} });
    return true;
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 302) return false;
    throw thrown;
  }
};

describe("a forgotten password", () => {
  it("answers the same for a known and an unknown email; the link works once, ends every session and says so by email", async () => {
    const { org, email, cookie } = await staffMember();
    const context = { clientIp: ip() };
    const known = await forgotAction({ request: form("/forgot-password", { email: email.toUpperCase() }), params: {}, context });
    const unknown = await forgotAction({ request: form("/forgot-password", { email: "nobody.here@example.com" }), params: {}, context });
    expect(known).toEqual(unknown);

    const [message] = await sendAndRead(org.orgId, email);
    expect(message.subject).toBe("Reset your Circle Hire password for Test Care");
    expect(message.text).toContain("works once, for 30 minutes");
    const token = tokenIn(message.text);
    const page = (t: string) =>
      resetLoader({ request: new Request(`http://localhost/reset-password?token=${t}`), params: {}, context: {} });
    expect(await page(token)).toEqual({ token });

    // Too short: a message by the field, and the link still works.
    const short = (await resetAction({
      request: form("/reset-password", { token, password: "short" }),
      params: {},
      context: {},
    })) as Response;
    expect(short.status).toBe(400);
    expect((await short.json()).fieldErrors).toEqual({ password: "Use at least 10 characters" });

    const done = (await resetAction({
      request: form("/reset-password", { token, password: NEW_PASSWORD }),
      params: {},
      context: {},
    })) as Response;
    expect(done.headers.get("Location")).toBe("/sign-in?reset=1");
    expect(await signedIn(cookie)).toBe(false);
    expect(await signIn(email, OLD_PASSWORD)).toBeNull();
    expect(await signIn(email, NEW_PASSWORD)).toMatch(/^__circle=/);

    const again = (await resetAction({
      request: form("/reset-password", { token, password: "yet another passphrase" }),
      params: {},
      context: {},
    })) as Response;
    expect(again.status).toBe(410);
    expect(await page(token)).toEqual({ token: null });
    const [told] = await sendAndRead(org.orgId, email);
    expect(told.subject).toBe("Your Circle Hire password for Test Care has changed");
  });

  it("a link is refused after 30 minutes, and a deactivated account gets no link", async () => {
    const { org, email } = await staffMember();
    await forgotAction({ request: form("/forgot-password", { email }), params: {}, context: { clientIp: ip() } });
    const token = tokenIn((await sendAndRead(org.orgId, email))[0].text);
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("staffTokens")
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where("userId", "=", org.leadId)
        .execute(),
    );
    expect(await resetLoader({ request: new Request(`http://localhost/reset-password?token=${token}`), params: {}, context: {} })).toEqual({
      token: null,
    });

    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.updateTable("users").set({ deactivatedAt: new Date() }).where("id", "=", org.leadId).execute(),
    );
    await forgotAction({ request: form("/forgot-password", { email }), params: {}, context: { clientIp: ip() } });
    expect(await sendAndRead(org.orgId, email)).toHaveLength(1);
  });

  it("sends at most three links for one email in 15 minutes", async () => {
    const { org, email } = await staffMember();
    for (let i = 0; i < 5; i++)
      await forgotAction({ request: form("/forgot-password", { email }), params: {}, context: { clientIp: ip() } });
    expect(await sendAndRead(org.orgId, email)).toHaveLength(3);
  });
});

describe("changing your own password", () => {
  it("needs the current password, then signs out every other device and keeps this one signed in", async () => {
    const { org, email, cookie } = await staffMember();
    const other = await staffCookie(org.orgId, org.leadId);
    const wrong = (await changeAction({
      request: form("/account/password", { currentPassword: "not my password", password: NEW_PASSWORD }, cookie),
      params: {},
      context: {},
    })) as Response;
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).fieldErrors).toEqual({ currentPassword: "Your current password is not right" });
    expect(await signIn(email, OLD_PASSWORD)).not.toBeNull();

    const done = (await changeAction({
      request: form("/account/password", { currentPassword: OLD_PASSWORD, password: NEW_PASSWORD }, cookie),
      params: {},
      context: {},
    })) as Response;
    expect(done.status).toBe(302);
    const fresh = (done.headers.get("Set-Cookie") ?? "").split(";")[0];
    expect(await signedIn(other)).toBe(false);
    expect(await signedIn(cookie)).toBe(false);
    expect(await signedIn(fresh)).toBe(true);
    expect(await signIn(email, NEW_PASSWORD)).not.toBeNull();
    const audit = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .selectFrom("auditLog")
        .select(["summary", "before", "after"])
        .where("orgId", "=", org.orgId)
        .where("action", "=", "staff.password")
        .execute(),
    );
    expect(audit).toEqual([{ summary: "Changed their password", before: null, after: null }]);
  });

  it("is only for someone signed in", async () => {
    const response = (await caught(
      changeAction({ request: form("/account/password", { currentPassword: "x", password: NEW_PASSWORD }), params: {}, context: {} }),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/sign-in/);
  });
});
