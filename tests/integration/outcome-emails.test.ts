import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { declineApplication } from "#app/domain/applications/decline-application.server.js";
import { DEFAULT_DECLINE_WORDS } from "#app/domain/applications/outcome-words.js";
import { withdrawApplication } from "#app/domain/applications/withdraw-application.server.js";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { listPendingOutbox } from "#app/domain/email/outbox.server.js";
import { saveOrgSettings } from "#app/domain/organisations/org-settings.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { applicationInput, closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { recordInOrg, runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

const mailbox = () => process.env.RESEND_BASE_URL as string;

async function applied() {
  const org = await insertOrg("Oakfield Home Care");
  const input = applicationInput({ fullName: "Mary Jane Seacole" });
  const { applicationId } = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
  const lead = { userId: org.leadId, name: "Lee Lead" };
  return { org, applicationId, email: input.email, lead };
}

/** Delivers the newest outbox row of `kind` and returns the email that reached `to`. */
async function deliverNewest(orgId: string, kind: string, to: string) {
  const row = await withOrg(getDb(), orgId, (trx) =>
    trx.selectFrom("outbox").select("id").where("kind", "=", kind).orderBy("createdAt", "desc").executeTakeFirstOrThrow(),
  );
  expect(await deliverOutboxEmail(getDb(), orgId, row.id)).toBe("sent");
  const [email] = await fetchCaptured(mailbox(), to);
  return email;
}

describe("telling candidates the outcome", () => {
  it("a decline sends the stage's kind words and the lead's personal line, never the staff reason", async () => {
    const { org, applicationId, email, lead } = await applied();
    await runInOrg(org.orgId, (ctx) =>
      declineApplication(ctx, {
        applicationId,
        reason: "Weak on values",
        personalLine: "Do look at our jobs in the spring.",
        send: "now",
        actor: lead,
      }),
    );
    const sent = await deliverNewest(org.orgId, "application-declined", email);
    expect(sent.subject).toBe("Your application for Care worker");
    expect(sent.text).toContain("Hello Mary");
    expect(sent.text).toContain(DEFAULT_DECLINE_WORDS.applied);
    expect(sent.text).toContain("Do look at our jobs in the spring.");
    expect(sent.text).not.toContain("Weak on values");
  });

  it("uses the organisation's own words for the stage", async () => {
    const { org, applicationId, email, lead } = await applied();
    await withOrg(getDb(), org.orgId, (trx) =>
      saveOrgSettings(trx, { declineWords: { applied: "Thank you from all of us at Oakfield." } }),
    );
    await runInOrg(org.orgId, (ctx) =>
      declineApplication(ctx, { applicationId, reason: "Not now", personalLine: "", send: "now", actor: lead }),
    );
    const sent = await deliverNewest(org.orgId, "application-declined", email);
    expect(sent.text).toContain("Thank you from all of us at Oakfield.");
    expect(sent.text).not.toContain(DEFAULT_DECLINE_WORDS.applied);
  });

  it("'tomorrow at 9am' waits in PostgreSQL until then: the relay leaves it, and it is not relayed after commit", async () => {
    const { org, applicationId, lead } = await applied();
    const { after } = await recordInOrg(org.orgId, (ctx) =>
      declineApplication(ctx, {
        applicationId,
        reason: "Not now",
        personalLine: "",
        send: "morning",
        actor: lead,
        now: new Date("2026-12-04T21:30:00Z"),
      }),
    );
    expect(after.emailRefs).toEqual([]);
    const row = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("outbox").select(["id", "sendAfter"]).where("kind", "=", "application-declined").executeTakeFirstOrThrow(),
    );
    expect(row.sendAfter?.toISOString()).toBe("2026-12-05T09:00:00.000Z");
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.updateTable("outbox").set({ sendAfter: sql`now() + interval '1 hour'` }).where("id", "=", row.id).execute(),
    );
    expect((await listPendingOutbox(getDb(), 10_000)).map((r) => r.id)).not.toContain(row.id);
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.updateTable("outbox").set({ sendAfter: sql`now() - interval '1 second'` }).where("id", "=", row.id).execute(),
    );
    expect((await listPendingOutbox(getDb(), 10_000)).map((r) => r.id)).toContain(row.id);
  });

  it("a candidate's withdrawal is confirmed by email and shows on /me", async () => {
    const { org, applicationId, email } = await applied();
    const candidate = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("applications").select("candidateId").where("id", "=", applicationId).executeTakeFirstOrThrow(),
    );
    await runInOrg(org.orgId, (ctx) =>
      withdrawApplication(ctx, {
        applicationId,
        candidateId: candidate.candidateId,
        name: "Mary Jane Seacole",
        reason: "Found another job",
      }),
    );
    const sent = await deliverNewest(org.orgId, "application-withdrawn", email);
    expect(sent.subject).toBe("You have withdrawn your application for Care worker");
    const stage = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("applications").select("stage").where("id", "=", applicationId).executeTakeFirstOrThrow(),
    );
    expect(stage.stage).toBe("withdrawn");
  });
});
