import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { castBallot } from "#app/domain/votes/cast-ballot.server.js";
import { openVote } from "#app/domain/votes/open-vote.server.js";
import { planVoteJobs } from "#app/domain/votes/vote-plan.js";
import { closeDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeProducerRedis } from "#jobs/connection.js";
import { closeEmailQueue, closeReminderQueue } from "#jobs/queues.js";
import { runInOrg } from "#jobs/run-in-org.js";
import { insertTeamAndShadowCandidate } from "#tests/factories/vote.js";
import { recordInOrg } from "#tests/support/run.js";
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
  // This process opens a vote through the runner, whose close job must reach the drill's workers.
  process.env.REDIS_URL = redis.url;
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
  await Promise.all([closeOwnerDb(), closeReminderQueue(), closeEmailQueue(), closeDb()]);
  await closeProducerRedis();
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

  it("closes a vote whose deadline has passed once, with each outcome email sent once, whichever worker takes it", async () => {
    const org = await insertOrg("Twin Vote Care");
    const people = await insertTeamAndShadowCandidate(org.orgId, org.teamId, org.vacancyId, { members: 3 });
    const openedAt = new Date(Date.now() - 14 * 86_400_000);
    // Two of three members vote yes inside the window (a two-thirds quorum); nobody closes it.
    const { result: vote } = await recordInOrg(org.orgId, (ctx) =>
      openVote(ctx, { applicationId: people.applicationId, actor: { userId: null, name: "Lee Lead" }, now: openedAt }),
    );
    for (const teamMemberId of people.memberIds.slice(0, 2)) {
      await recordInOrg(org.orgId, (ctx) =>
        castBallot(ctx, { voteId: vote.voteId, teamMemberId, choice: "yes", comment: "", now: openedAt }),
      );
    }
    // The runner adds the (already due) close job to the drill's Redis; both workers are waiting.
    await runInOrg(org.orgId, async (ctx) => ctx.after.addJobs(planVoteJobs(org.orgId, vote.voteId, vote.closesAt, 1)));

    const closed = await waitFor(
      () =>
        withOrg(ownerDb(), org.orgId, (trx) =>
          trx
            .selectFrom("votes")
            .select(["status", "outcome"])
            .where("id", "=", vote.voteId)
            .where("status", "=", "closed")
            .executeTakeFirst(),
        ),
      "the vote to close",
    );
    expect(closed.outcome).toBe("passed");
    const outcomes = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("outbox").select(["id", "sentAt"]).where("kind", "=", "vote-outcome").execute(),
    );
    // The lead and every member hear the outcome: one email each.
    expect(outcomes.length).toBeGreaterThan(0);
    await waitFor(async () => {
      const ids = new Set(outcomes.map((o) => `outbox-${o.id}`));
      return capture.messages.filter((m) => ids.has(m.idempotencyKey ?? "")).length === outcomes.length;
    }, "the outcome emails");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const { id } of outcomes) {
      expect(capture.messages.filter((m) => m.idempotencyKey === `outbox-${id}`)).toHaveLength(1);
      // Sent once, not sent twice and answered from the idempotency key: only one worker closed it.
      expect(capture.posts.filter((p) => p.idempotencyKey === `outbox-${id}`)).toHaveLength(1);
    }
  });
});
