import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { consumeLoginToken, peekLoginToken } from "#app/domain/links/sign-in-links.server.js";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { createRedis, keyPrefix } from "#jobs/connection.js";
import { EMAIL_QUEUE, emailJobId, enqueueEmails, getEmailQueue } from "#jobs/queues.js";
import { relayOutbox } from "#jobs/relay-outbox.js";
import { applicationInput, closeOwnerDb, insertOrg } from "#tests/factories/org.js";
import { waitFor, workerPerTest } from "#tests/support/worker.js";
import { recordInOrg, runInOrg } from "#tests/support/run.js";

const mailbox = () => process.env.RESEND_BASE_URL as string;

const tokenFrom = (html: string) => /\/auth\/link\?token=([A-Za-z0-9_-]+)/.exec(html)?.[1] as string;

const worker = workerPerTest();
afterAll(closeOwnerDb);

describe("email through the outbox, the queue, the worker and Resend", () => {
  it("sends the application email once, with a sign-in link that works once", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const input = applicationInput({ fullName: "Mary Seacole" });
    // The runner relays the email once the application is committed: the job is on the queue at once.
    const applied = await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    const outbox = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("outbox").select(["id", "enqueuedAt"]).where("kind", "=", "application-received").executeTakeFirstOrThrow(),
    );
    expect(outbox.enqueuedAt).not.toBeNull();
    const job = await getEmailQueue().getJob(emailJobId(outbox.id));
    expect(job?.data).toEqual({ outboxId: outbox.id, orgId: org.orgId });

    await worker.start();
    const [email] = await waitFor(async () => {
      const found = await fetchCaptured(mailbox(), input.email);
      return found.length ? found : undefined;
    }, "the application email");
    expect(email.subject).toBe("We have your application for Care worker");
    expect(email.text).toContain("Thank you, Mary");
    expect(email.text).toContain("Oakfield Home Care");

    // The capture server can hold the email a moment before the worker marks the row sent.
    await waitFor(
      async () => (await (await getEmailQueue().getJob(emailJobId(outbox.id)))?.getState()) === "completed",
      "the job to finish",
    );
    // Enqueueing the same outbox row again, or running its delivery again, sends nothing new.
    await enqueueEmails([{ outboxId: outbox.id, orgId: org.orgId }]);
    expect(await deliverOutboxEmail(getDb(), org.orgId, outbox.id)).toBe("already-sent");
    await new Promise((r) => setTimeout(r, 500));
    expect(await fetchCaptured(mailbox(), input.email)).toHaveLength(1);

    const token = tokenFrom(email.html);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
    const stored = await withOrg(getDb(), org.orgId, (trx) => trx.selectFrom("loginTokens").select("tokenHash").execute());
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);
    expect(await peekLoginToken(getDb(), token)).toMatchObject({ state: "usable", nextPath: `/me/survey/${applied.applicationId}` });
    const signedIn = await consumeLoginToken(getDb(), token);
    expect(signedIn?.cookie).toMatch(/^__circle=.+HttpOnly; SameSite=Lax/);
    expect(await consumeLoginToken(getDb(), token)).toBeNull();
    expect(await peekLoginToken(getDb(), token)).toMatchObject({ state: "spent" });
  });

  it("refuses a sign-in link after its 10 minutes", async () => {
    const org = await insertOrg();
    const input = applicationInput();
    const { after } = await recordInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    await deliverOutboxEmail(getDb(), org.orgId, after.emailRefs[0].id);
    const [email] = await fetchCaptured(mailbox(), input.email);
    await withOrg(getDb(), org.orgId, (trx) =>
      trx
        .updateTable("loginTokens")
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .execute(),
    );
    expect(await consumeLoginToken(getDb(), tokenFrom(email.html))).toBeNull();
  });

  it("saves the application while Redis is unreachable and sends its email once Redis is back", async () => {
    const org = await insertOrg();
    const input = applicationInput({ fullName: "Florence Nightingale" });
    const { after } = await recordInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, input));
    const [email] = after.emailRefs;

    const down = new Queue(EMAIL_QUEUE, { connection: createRedis("producer", "redis://127.0.0.1:1"), prefix: keyPrefix() });
    down.on("error", () => {});
    const started = Date.now();
    expect(await relayOutbox(getDb(), [email], (items) => enqueueEmails(items, down))).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    await down.close().catch(() => {});

    const saved = await withOrg(getDb(), org.orgId, (trx) =>
      trx.selectFrom("outbox").select(["enqueuedAt", "sentAt"]).where("id", "=", email.id).executeTakeFirstOrThrow(),
    );
    expect(saved).toEqual({ enqueuedAt: null, sentAt: null });
    expect(await getEmailQueue().getJob(emailJobId(email.id))).toBeUndefined();

    // Redis is back: the worker's relay finds the pending email and it goes out, once.
    await worker.start();
    await waitFor(async () => (await fetchCaptured(mailbox(), input.email)).length > 0, "the relayed email");
    await new Promise((r) => setTimeout(r, 600));
    const emails = await fetchCaptured(mailbox(), input.email);
    expect(emails.map((e) => e.subject)).toEqual(["We have your application for Care worker"]);
  });
});
