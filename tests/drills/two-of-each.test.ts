import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { candidateCookie } from "#tests/factories/shadow.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";
import { type AppProcess, startApp } from "#tests/support/app-process.js";
import { startMailCapture } from "#tests/support/mail-capture-server.js";
import { freePort, type PrivateRedis, startPrivateRedis } from "#tests/support/private-services.js";
import { waitFor } from "#tests/support/wait-for.js";

// Drill: two web servers and two workers side by side on one database and one Redis, as a
// deployment with more than one of each runs. The last seats of a workshop are booked through
// both web servers at once; each booking's email goes through whichever worker takes it.

const SEATS = 3;
const CANDIDATES = 8;

let redis: PrivateRedis;
let capture: Awaited<ReturnType<typeof startMailCapture>>;
const apps: AppProcess[] = [];
const bases: string[] = [];

beforeAll(async () => {
  [redis, capture] = await Promise.all([startPrivateRedis(), startMailCapture()]);
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: process.env.DATABASE_URL as string,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX as string,
    RESEND_BASE_URL: capture.url,
    OUTBOX_RELAY_INTERVAL_MS: "300",
  };
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    bases.push(`http://127.0.0.1:${port}`);
    apps.push(startApp("web", { ...env, PORT: String(port), APP_URL: bases[i] }), startApp("worker", env));
  }
  await Promise.all(apps.map((app, i) => app.waitFor(i % 2 ? /worker: waiting for jobs/ : /web: listening/)));
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.kill("SIGKILL")));
  await closeOwnerDb();
  await Promise.all([capture?.close(), redis?.stop()]);
});

describe("two web servers and two workers", () => {
  it(`books ${SEATS} seats for ${CANDIDATES} candidates racing through both servers, and emails each booking once`, async () => {
    const org = await insertOrg("Twin Care");
    const workshopId = await insertWorkshop(org.orgId, org.teamId, { capacity: SEATS });
    const people = await insertInvitedApplications(org.orgId, org.vacancyId, CANDIDATES);
    const cookies = await Promise.all(people.map((p) => candidateCookie(org.orgId, p.candidateId)));

    const answers = await Promise.all(
      people.map((p, i) =>
        fetch(`${bases[i % 2]}/me/workshop/${p.applicationId}`, {
          method: "POST",
          headers: { Cookie: cookies[i] },
          body: new URLSearchParams({ workshopId, adjustments: "" }),
          redirect: "manual",
        }),
      ),
    );
    const booked = answers.filter((a) => a.status === 302 && a.headers.get("location")?.includes("booked=1"));
    expect(booked).toHaveLength(SEATS);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(CANDIDATES - SEATS);

    const live = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .selectFrom("workshopBookings")
        .select("applicationId")
        .where("workshopId", "=", workshopId)
        .where("status", "=", "booked")
        .execute(),
    );
    expect(live).toHaveLength(SEATS);

    // Each booking's confirmation, once, whichever worker sent it.
    const bookedEmails = people.filter((p) => live.some((b) => b.applicationId === p.applicationId)).map((p) => p.email);
    await waitFor(async () => bookedEmails.every((email) => capture.messages.some((m) => m.to.includes(email))), "the booking emails");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sent = capture.messages.filter((m) => people.some((p) => m.to.includes(p.email)));
    expect(sent.flatMap((m) => m.to).sort()).toEqual([...bookedEmails].sort());
    expect(capture.posts.filter((p) => sent.some((m) => m.idempotencyKey === p.idempotencyKey))).toHaveLength(SEATS);
    expect(apps.every((app) => app.alive())).toBe(true);
  });
});
