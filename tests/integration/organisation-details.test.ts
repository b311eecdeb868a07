import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { action, loader } from "#app/routes/settings.organisation.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { applicationInput, closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { caught } from "#tests/support/caught.js";
import { recordInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

async function adminOf(org: Awaited<ReturnType<typeof insertOrg>>) {
  await withOrg(ownerDb(), org.orgId, (trx) => trx.updateTable("users").set({ role: "admin" }).where("id", "=", org.leadId).execute());
  return staffCookie(org.orgId, org.leadId);
}

const save = (cookie: string, fields: Record<string, string>) =>
  action({
    request: new Request("http://localhost/settings/organisation", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    }),
    params: {},
    context: {},
  }) as Promise<Response>;

/** A candidate applies, and the confirmation email is sent: what the capture server received. */
async function applicationEmail(orgId: string, vacancyId: string, email: string) {
  const { after } = await recordInOrg(orgId, (ctx) => applyToVacancy(ctx, vacancyId, applicationInput({ email })));
  for (const ref of after.emailRefs) await deliverOutboxEmail(getDb(), orgId, ref.id);
  const [message] = await fetchCaptured(process.env.RESEND_BASE_URL as string, email);
  return message;
}

describe("Settings > Organisation", () => {
  it("emails come from the organisation's name via Circle Hire, with no Reply-To, until an admin sets them", async () => {
    const org = await insertOrg("Heathside Care");
    const message = await applicationEmail(org.orgId, org.vacancyId, `ada.${org.orgId.slice(0, 8)}@example.com`);
    expect(message.from).toMatch(/^"Heathside Care via Circle Hire" <[^>]+@[^>]+>$/);
    expect(message.replyTo).toEqual([]);
  });

  it("an admin renames the organisation and sets the contact email and sender name: emails carry them, the audit log says what changed", async () => {
    const org = await insertOrg("Heathside Care");
    const cookie = await adminOf(org);
    const response = await save(cookie, {
      name: "Heathside Home Care",
      contactEmail: "Jobs@Heathside.example",
      senderName: "Heathside Jobs",
    });
    expect(response.status).toBe(302);
    expect(
      await loader({
        request: new Request("http://localhost/settings/organisation", { headers: { Cookie: cookie } }),
        params: {},
        context: {},
      }),
    ).toEqual({
      name: "Heathside Home Care",
      contactEmail: "jobs@heathside.example",
      senderName: "Heathside Jobs",
    });
    const message = await applicationEmail(org.orgId, org.vacancyId, `bo.${org.orgId.slice(0, 8)}@example.com`);
    expect(message.from).toMatch(/^"Heathside Jobs" </);
    expect(message.replyTo).toEqual(["jobs@heathside.example"]);
    expect(message.text).toContain("Heathside Home Care");

    const audit = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .selectFrom("auditLog")
        .select(["action", "before", "after"])
        .where("orgId", "=", org.orgId)
        .where("action", "=", "settings.organisation")
        .execute(),
    );
    expect(audit).toEqual([
      {
        action: "settings.organisation",
        before: { name: "Heathside Care", contactEmail: "", senderName: "" },
        after: { name: "Heathside Home Care", contactEmail: "jobs@heathside.example", senderName: "Heathside Jobs" },
      },
    ]);
    // Saving the same again records nothing more.
    await save(cookie, { name: "Heathside Home Care", contactEmail: "jobs@heathside.example", senderName: "Heathside Jobs" });
    const again = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("auditLog").select("id").where("orgId", "=", org.orgId).where("action", "=", "settings.organisation").execute(),
    );
    expect(again).toHaveLength(1);
  });

  it("refuses a bad email or a sender name that would break the From line, by the field, and saves nothing", async () => {
    const org = await insertOrg("Heathside Care");
    const cookie = await adminOf(org);
    const response = await save(cookie, { name: "", contactEmail: "jobs at heathside", senderName: "Heathside <jobs@evil.example>" });
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors).toEqual({
      name: "Enter your organisation's name",
      contactEmail: "Enter an email address like jobs@example.com",
      senderName: 'Use letters, digits, spaces and simple punctuation (no <, >, ", \\ or @)',
    });
    const row = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("organisations").select("name").where("id", "=", org.orgId).executeTakeFirstOrThrow(),
    );
    expect(row.name).toBe("Heathside Care");
  });

  it("only admins may change it, and an admin changes only their own organisation", async () => {
    const oakfield = await insertOrg("Oakfield");
    const riverside = await insertOrg("Riverside");
    const lead = await staffCookie(oakfield.orgId, oakfield.leadId);
    expect(((await caught(save(lead, { name: "Taken over", contactEmail: "", senderName: "" }))) as Response).status).toBe(403);
    await save(await adminOf(riverside), { name: "Riverside Renamed", contactEmail: "", senderName: "" });
    const names = await ownerDb()
      .selectFrom("organisations")
      .select(["id", "name"])
      .where("id", "in", [oakfield.orgId, riverside.orgId])
      .execute();
    expect(Object.fromEntries(names.map((n) => [n.id, n.name]))).toEqual({
      [oakfield.orgId]: "Oakfield",
      [riverside.orgId]: "Riverside Renamed",
    });
  });
});
