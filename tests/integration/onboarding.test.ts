import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { checkOrgMayPublish } from "#app/domain/organisations/confirm-email.server.js";
import { createOrganisation } from "#app/domain/organisations/create-organisation.server.js";
import { DEFAULT_SETTINGS } from "#app/domain/organisations/org-settings.server.js";
import { DEFAULT_EXERCISES } from "#app/domain/workshops/default-exercises.js";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { action as signUpAction } from "#app/routes/start._index.js";
import { loader as slugLoader } from "#app/routes/start.slug.js";
import { action as confirmAction } from "#app/routes/start.confirm.js";
import { action as resendAction } from "#app/routes/start.resend.js";
import { loader as rootLoader } from "#app/root.js";
import { closeOwnerDb, insertOrg, staffCookie } from "#tests/factories/org.js";
import { newOrgScope } from "#app/utils/tenant.server.js";

afterAll(closeOwnerDb);

const mailbox = () => process.env.RESEND_BASE_URL as string;
const unique = () => randomBytes(4).toString("hex");
const ip = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });

function signUpFields(overrides: Record<string, string> = {}) {
  const id = unique();
  return {
    orgName: "Heathside Care",
    slug: `heathside-${id}`,
    adminName: "Priya Shah",
    email: `priya.${id}@heathside.test`,
    password: "a long enough password",
    ...overrides,
  };
}

async function signUp(fields: Record<string, string>, clientIp = ip()) {
  return (await signUpAction({ request: post("/start", fields), params: {}, context: { clientIp } })) as Response;
}

async function orgBySlug(slug: string) {
  return getDb().selectFrom("organisations").select(["id", "name", "confirmedAt"]).where("slug", "=", slug).executeTakeFirst();
}

const cookieOf = (response: Response) => (response.headers.get("Set-Cookie") ?? "").split(";")[0];

async function slugCheck(slug: string) {
  const response = (await slugLoader({
    request: new Request(`http://localhost/start/slug?slug=${encodeURIComponent(slug)}`),
    params: {},
    context: { clientIp: ip() },
  })) as Response;
  return response.json();
}

describe("creating an organisation", () => {
  it("starts every organisation with the live default survey, the default scenario exercises and the default settings", async () => {
    const slug = `fresh-${unique()}`;
    const { run } = newOrgScope();
    const { orgId } = await run((ctx) => createOrganisation(ctx, { slug, name: "Fresh Care", confirmed: false }));
    const made = await withOrg(getDb(), orgId, async (trx) => ({
      surveys: await trx.selectFrom("surveyVersions").select(["status", "version"]).execute(),
      exercises: await trx.selectFrom("scenarioExercises").select("title").orderBy("createdAt").execute(),
      settings: await trx.selectFrom("orgSettings").select(["surveyThreshold", "voteRule", "mixTarget"]).execute(),
    }));
    expect(made.surveys).toEqual([{ status: "live", version: 1 }]);
    expect(made.exercises.map((e) => e.title).sort()).toEqual(DEFAULT_EXERCISES.map((e) => e.title).sort());
    expect(made.settings).toEqual([
      { surveyThreshold: DEFAULT_SETTINGS.surveyThreshold, voteRule: DEFAULT_SETTINGS.voteRule, mixTarget: DEFAULT_SETTINGS.mixTarget },
    ]);
    expect((await orgBySlug(slug))?.confirmedAt).toBeNull();
  });
});

describe("sign-up at /start", () => {
  it("creates the organisation and its first admin, signs them in and emails a single-use confirmation link", async () => {
    const fields = signUpFields();
    const response = await signUp(fields);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/start/welcome");
    const org = await orgBySlug(fields.slug);
    expect(org).toMatchObject({ name: "Heathside Care", confirmedAt: null });
    const orgId = org?.id as string;
    const admin = await withOrg(getDb(), orgId, (trx) => trx.selectFrom("users").select(["email", "role", "name"]).execute());
    expect(admin).toEqual([{ email: fields.email, role: "admin", name: "Priya Shah" }]);

    // Not confirmed: no vacancy may be published, and the admin sees the banner.
    await expect(withOrg(getDb(), orgId, (trx) => checkOrgMayPublish(trx))).rejects.toThrow(/Confirm your email address/);
    const cookie = cookieOf(response);
    const root = await rootLoader({
      request: new Request("http://localhost/pipeline", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(root.unconfirmed).toBe(true);

    const outbox = await withOrg(getDb(), orgId, (trx) => trx.selectFrom("outbox").select(["id", "kind"]).execute());
    expect(outbox.map((o) => o.kind)).toEqual(["staff-confirm-email"]);
    await deliverOutboxEmail(getDb(), orgId, outbox[0].id);
    const [email] = await fetchCaptured(mailbox(), fields.email);
    expect(email.subject).toContain("Confirm your email address for Heathside Care");
    const token = decodeURIComponent(/start\/confirm\?token=([^"&]+)/.exec(email.html)?.[1] ?? "");
    expect(token).not.toBe("");

    const confirmed = await confirmAction({ request: post("/start/confirm", { token }), params: {}, context: {} });
    expect(confirmed).toEqual({ confirmed: true });
    expect((await orgBySlug(fields.slug))?.confirmedAt).toBeInstanceOf(Date);
    await expect(withOrg(getDb(), orgId, (trx) => checkOrgMayPublish(trx))).resolves.toBeUndefined();
    const after = await rootLoader({
      request: new Request("http://localhost/pipeline", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(after.unconfirmed).toBe(false);

    // Single use.
    const again = (await confirmAction({ request: post("/start/confirm", { token }), params: {}, context: {} })) as Response;
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ confirmed: false });
  });

  it("refuses an expired confirmation link, and the banner's button sends a fresh one", async () => {
    const fields = signUpFields();
    const response = await signUp(fields);
    const orgId = (await orgBySlug(fields.slug))?.id as string;
    const [first] = await withOrg(getDb(), orgId, (trx) => trx.selectFrom("outbox").select("id").execute());
    await deliverOutboxEmail(getDb(), orgId, first.id);
    const [email] = await fetchCaptured(mailbox(), fields.email);
    const token = decodeURIComponent(/token=([^"&]+)/.exec(email.html)?.[1] ?? "");
    await withOrg(getDb(), orgId, (trx) =>
      trx
        .updateTable("staffTokens")
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .execute(),
    );
    const expired = (await confirmAction({ request: post("/start/confirm", { token }), params: {}, context: {} })) as Response;
    expect(expired.status).toBe(400);
    expect((await orgBySlug(fields.slug))?.confirmedAt).toBeNull();

    const resent = (await resendAction({
      request: post("/start/resend", { redirectTo: "/teams" }, { Cookie: cookieOf(response) }),
      params: {},
      context: {},
    })) as Response;
    expect(resent.headers.get("Location")).toBe("/teams?confirmSent=1");
    const kinds = await withOrg(getDb(), orgId, (trx) => trx.selectFrom("outbox").select("kind").execute());
    expect(kinds).toHaveLength(2);
  });

  it("refuses reserved, malformed and taken web addresses, on submit and as they are typed", async () => {
    for (const slug of ["admin", "api", "start", "o", "ops", "dev", "sign-in"]) {
      const response = await signUp(signUpFields({ slug }));
      expect(response.status).toBe(400);
      expect((await response.json()).fieldErrors.slug).toMatch(/reserved/);
      expect(await slugCheck(slug)).toMatchObject({ available: false, message: expect.stringMatching(/reserved/) });
    }
    for (const slug of ["Has Spaces", "under_score", "-leading", "trailing-", "é-care", "x"]) {
      const response = await signUp(signUpFields({ slug }));
      expect(response.status).toBe(400);
      expect((await response.json()).fieldErrors.slug).toBeTruthy();
    }
    // Upper case is accepted and stored in lower case.
    const id = unique();
    expect((await signUp(signUpFields({ slug: `Mixed-${id}` }))).status).toBe(302);
    expect(await orgBySlug(`mixed-${id}`)).toBeTruthy();

    const taken = await insertOrg();
    const response = await signUp(signUpFields({ slug: taken.slug }));
    expect(response.status).toBe(409);
    expect((await response.json()).fieldErrors.slug).toMatch(/already uses that web address/);
    expect(await slugCheck(taken.slug)).toMatchObject({ available: false });
    const free = `free-${unique()}`;
    expect(await slugCheck(free)).toEqual({ slug: free, available: true, message: `${free} is available` });
  });

  it("refuses an email that already has a staff account, keeps the form's values and never echoes the password", async () => {
    const existing = await insertOrg();
    const fields = signUpFields({ email: `lead@${existing.slug}.test` });
    const response = await signUp(fields);
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.fieldErrors.email).toMatch(/already has a staff account/);
    expect(body.values).toMatchObject({ orgName: "Heathside Care", slug: fields.slug, password: "" });
    expect(await orgBySlug(fields.slug)).toBeUndefined();
  });

  it("allows 5 sign-ups an hour from one address", async () => {
    const address = ip();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signUp(signUpFields(), address)).status);
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429]);
  });

  it("a confirmation link of one organisation confirms only that one", async () => {
    const a = signUpFields();
    const b = signUpFields();
    await signUp(a);
    await signUp(b);
    const orgA = (await orgBySlug(a.slug))?.id as string;
    const [row] = await withOrg(getDb(), orgA, (trx) => trx.selectFrom("outbox").select("id").execute());
    await deliverOutboxEmail(getDb(), orgA, row.id);
    const [email] = await fetchCaptured(mailbox(), a.email);
    const token = decodeURIComponent(/token=([^"&]+)/.exec(email.html)?.[1] ?? "");
    await confirmAction({ request: post("/start/confirm", { token }), params: {}, context: {} });
    expect((await orgBySlug(a.slug))?.confirmedAt).toBeInstanceOf(Date);
    expect((await orgBySlug(b.slug))?.confirmedAt).toBeNull();
  });

  it("only an admin may ask for a new confirmation link", async () => {
    const org = await insertOrg();
    const cookie = await staffCookie(org.orgId, org.leadId);
    await expect(
      resendAction({ request: post("/start/resend", { redirectTo: "/pipeline" }, { Cookie: cookie }), params: {}, context: {} }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
