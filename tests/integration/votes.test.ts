import { afterAll, describe, expect, it } from "vitest";
import { moveApplication } from "#app/domain/applications/move-application.server.js";
import { castBallot, declareConflict } from "#app/domain/votes/cast-ballot.server.js";
import { closeVote } from "#app/domain/votes/close-vote.server.js";
import { openVote } from "#app/domain/votes/open-vote.server.js";
import { VoteError } from "#app/domain/votes/vote.errors.js";
import { queueVoteRemindersIfDue, sweepVotes } from "#app/domain/votes/vote-jobs.server.js";
import { planVoteJobs, voteCloseJobId } from "#app/domain/votes/vote-plan.js";
import { AfterCommit, type UseCaseContext } from "#app/domain/after-commit.js";
import { carryOut } from "#jobs/run-in-org.js";
import { loadVoteForStaff, loadVoterPage } from "#app/domain/votes/vote-view.server.js";
import { relayOutbox } from "#jobs/relay-outbox.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { findVote } from "#db/queries/votes.js";
import { createVoteLink } from "#app/domain/links/vote-links.server.js";
import { randomToken, sha256 } from "#app/utils/session.server.js";
import { action as voteAction, loader as voteLoader } from "#app/routes/vote.$token.js";
import { getReminderQueue } from "#jobs/queues.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { insertTeamAndShadowCandidate } from "#tests/factories/vote.js";
import { waitFor, workerPerTest } from "#tests/support/worker.js";
import { recordInOrg, runInOrg } from "#tests/support/run.js";

const HOUR = 3_600_000;
const LEAD = { userId: null, name: "Lee Lead" };
const worker = workerPerTest();
afterAll(closeOwnerDb);

const subjectsTo = async (email: string) => (await fetchCaptured(process.env.RESEND_BASE_URL as string, email)).map((m) => m.subject);

/** An organisation whose team has `members` people, and a vote opened on a candidate at `openedAt`. */
async function openedVote(members = 3, openedAt = new Date()) {
  const org = await insertOrg();
  const people = await insertTeamAndShadowCandidate(org.orgId, org.teamId, org.vacancyId, { members });
  // Its invitations and jobs are recorded, not carried out: each test relays or schedules what it needs.
  const { result: opened, after } = await recordInOrg(org.orgId, (ctx) =>
    openVote(ctx, { applicationId: people.applicationId, actor: LEAD, now: openedAt }),
  );
  const inOrg = <T>(work: (ctx: UseCaseContext) => Promise<T>) => runInOrg(org.orgId, work);
  return { org, ...people, ...opened, after, inOrg };
}

const stageOf = (orgId: string, applicationId: string) =>
  withOrg(ownerDb(), orgId, (trx) =>
    trx.selectFrom("applications").select("stage").where("id", "=", applicationId).executeTakeFirstOrThrow(),
  );

describe("opening a team vote", () => {
  it("puts the team's active members on the roll, emails each a voting link and moves the application to the vote", async () => {
    const v = await openedVote(3);
    expect((await stageOf(v.org.orgId, v.applicationId)).stage).toBe("vote");
    await relayOutbox(getDb(), v.after.emailRefs);
    await worker.start();
    for (const email of v.memberEmails) {
      await waitFor(async () => (await subjectsTo(email)).length > 0, `the invitation to ${email}`);
      expect(await subjectsTo(email)).toEqual(["Your team's vote: should Olivia Grant join Ashdown?"]);
    }
    const [mail] = await fetchCaptured(process.env.RESEND_BASE_URL as string, v.memberEmails[0]);
    expect(mail.text).toMatch(/\/vote\/[\w-]{40,}/);
    const events = await withOrg(ownerDb(), v.org.orgId, (trx) =>
      trx.selectFrom("applicationEvents").select(["toStage", "reason"]).where("applicationId", "=", v.applicationId).execute(),
    );
    expect(events).toEqual([{ toStage: "vote", reason: expect.stringMatching(/^Team vote opened by Lee Lead; it closes /) }]);
  });

  it("refuses a second vote while one is open", async () => {
    const v = await openedVote(3);
    await expect(v.inOrg((ctx) => openVote(ctx, { applicationId: v.applicationId, actor: LEAD }))).rejects.toThrow(/already voting/);
  });
});

describe("secrecy before the close", () => {
  it("no voter, lead or candidate-facing data shows another voter's choice or a tally until the vote closes", async () => {
    const v = await openedVote(3);
    const [a, b, c] = v.memberIds;
    await v.inOrg((ctx) =>
      castBallot(ctx, { voteId: v.voteId, teamMemberId: b, choice: "concern", comment: "Seemed unsure about nights" }),
    );

    const voterView = await v.inOrg(({ trx }) => loadVoterPage(trx, v.voteId, a));
    expect(voterView?.ownBallot).toBeUndefined();
    expect(voterView?.results).toBeNull();
    expect(JSON.stringify(voterView)).not.toMatch(/unsure about nights|"concern"/);

    const ownView = await v.inOrg(({ trx }) => loadVoterPage(trx, v.voteId, b));
    expect(ownView?.ownBallot).toMatchObject({ choice: "concern", comment: "Seemed unsure about nights" });

    const leadView = await v.inOrg(({ trx }) => loadVoteForStaff(trx, v.applicationId, v.org.teamId, "new_to_care"));
    expect(leadView.results).toBeNull();
    expect(leadView.turnout).toEqual({ eligible: 3, voted: 1, unconfirmed: 0 });
    expect(JSON.stringify(leadView)).not.toMatch(/unsure about nights|"concern"/);

    // Closing (everyone has voted) reveals the tally and comments, without names for a secret vote.
    await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: a, choice: "yes", comment: "" }));
    const last = await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: c, choice: "yes", comment: "Great with Mrs B" }));
    expect(last.closed).toMatchObject({ kind: "closed", outcome: "passed" });
    const after = await v.inOrg(({ trx }) => loadVoteForStaff(trx, v.applicationId, v.org.teamId, "new_to_care"));
    expect(after.results).toMatchObject({
      outcome: "passed",
      result: { eligible: 3, required: 2, cast: 3, yes: 2, no: 0, concern: 1 },
      names: null,
      comments: [
        { choice: "concern", comment: "Seemed unsure about nights", name: null },
        { choice: "yes", comment: "Great with Mrs B", name: null },
      ],
    });
    expect((await stageOf(v.org.orgId, v.applicationId)).stage).toBe("offer");
    // The timeline records the outcome in numbers only.
    const events = await withOrg(ownerDb(), v.org.orgId, (trx) =>
      trx.selectFrom("applicationEvents").select("reason").where("applicationId", "=", v.applicationId).orderBy("createdAt").execute(),
    );
    expect(events.at(-1)?.reason).toBe(
      "Team vote closed. Passed (consent, no objections): 3 of 3 eligible members voted (2 needed); 2 yes, 0 no, 1 with a concern.",
    );
    expect(JSON.stringify(events)).not.toMatch(/Member \d|Mrs B|nights/);
  });

  it("a voter can change their vote until the close, and a late vote is refused with a clear message", async () => {
    const openedAt = new Date(Date.now() - 73 * HOUR);
    const v = await openedVote(4, openedAt);
    const during = new Date(openedAt.getTime() + HOUR);
    await v.inOrg((ctx) =>
      castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[0], choice: "no", comment: "Not sure yet", now: during }),
    );
    await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[0], choice: "yes", comment: "", now: during }));
    const own = await v.inOrg(({ trx }) => loadVoterPage(trx, v.voteId, v.memberIds[0]));
    expect(own?.ownBallot).toMatchObject({ choice: "yes" });
    await expect(
      v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[1], choice: "yes", comment: "" })),
    ).rejects.toThrow(/This vote closed on .* so this was not counted/);
  });
});

describe("closing", () => {
  it("a ballot cast at the moment of the close is either counted or refused, and the outcome is computed once", async () => {
    for (let round = 0; round < 6; round++) {
      const openedAt = new Date(Date.now() - 10 * HOUR);
      const v = await openedVote(6, openedAt); // two thirds of 6: 4 votes needed
      const closesAt = new Date(v.closesAt);
      for (const member of v.memberIds.slice(0, 4)) {
        await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: member, choice: "yes", comment: "", now: openedAt }));
      }
      const justBefore = new Date(closesAt.getTime() - 1);
      const [cast, close, secondClose] = await Promise.allSettled([
        v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[4], choice: "yes", comment: "", now: justBefore })),
        v.inOrg((ctx) => closeVote(ctx, v.voteId, closesAt)),
        v.inOrg((ctx) => closeVote(ctx, v.voteId, closesAt)),
      ]);
      const vote = await v.inOrg(({ trx }) => findVote(trx, v.voteId));
      expect(vote?.status).toBe("closed");
      if (cast.status === "fulfilled") expect(vote?.result?.cast).toBe(5);
      else {
        expect(cast.reason).toBeInstanceOf(VoteError);
        expect((cast.reason as VoteError).code).toBe("closed");
        expect(vote?.result?.cast).toBe(4);
      }
      // Exactly one of the two closes did the work.
      const results = [close, secondClose].map((r) => (r.status === "fulfilled" ? r.value : r.reason));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const closings = await withOrg(ownerDb(), v.org.orgId, (trx) =>
        trx
          .selectFrom("applicationEvents")
          .select("reason")
          .where("applicationId", "=", v.applicationId)
          .where("reason", "like", "Team vote closed%")
          .execute(),
      );
      expect(closings).toHaveLength(1);
    }
  });

  it("a conflict of interest takes the member off the roll and lowers the quorum", async () => {
    const openedAt = new Date(Date.now() - 80 * HOUR);
    const v = await openedVote(4, openedAt); // 4 eligible: two thirds needs 3
    const during = new Date(openedAt.getTime() + HOUR);
    for (const member of v.memberIds.slice(0, 2)) {
      await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: member, choice: "yes", comment: "", now: during }));
    }
    await v.inOrg((ctx) =>
      declareConflict(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[3], reason: "She is my niece", now: during }),
    );
    await expect(
      v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[3], choice: "yes", comment: "", now: during })),
    ).rejects.toThrow(/declared a conflict of interest/);
    const staffView = await v.inOrg(({ trx }) => loadVoteForStaff(trx, v.applicationId, v.org.teamId, "new_to_care"));
    expect(staffView.voters.find((x) => x.teamMemberId === v.memberIds[3])?.conflictReason).toBe("She is my niece");
    expect(staffView.turnout).toEqual({ eligible: 3, voted: 2, unconfirmed: 0 });
    const closed = await v.inOrg((ctx) => closeVote(ctx, v.voteId, new Date(v.closesAt)));
    expect(closed).toMatchObject({ kind: "closed", outcome: "passed" });
    expect((await v.inOrg(({ trx }) => findVote(trx, v.voteId)))?.result).toMatchObject({ eligible: 3, required: 2, cast: 2 });
  });

  it("without a quorum the window is extended once by 48 hours, then the decision goes to the lead", async () => {
    const openedAt = new Date(Date.now() - 200 * HOUR);
    const v = await openedVote(3, openedAt);
    await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[0], choice: "yes", comment: "", now: openedAt }));
    const first = await v.inOrg((ctx) => closeVote(ctx, v.voteId, new Date(v.closesAt)));
    expect(first).toMatchObject({ kind: "extended" });
    const extended = await v.inOrg(({ trx }) => findVote(trx, v.voteId));
    expect(new Date(extended?.closesAt as Date).getTime()).toBe(v.closesAt.getTime() + 48 * HOUR);
    const second = await v.inOrg((ctx) => closeVote(ctx, v.voteId, new Date(extended?.closesAt as Date)));
    expect(second).toMatchObject({ kind: "closed", outcome: "no_quorum" });
    expect((await stageOf(v.org.orgId, v.applicationId)).stage).toBe("vote");
    await worker.start();
    const leadEmail = `lead@${v.org.slug}.test`;
    await waitFor(async () => (await subjectsTo(leadEmail)).length > 0, "the lead's email");
    const [mail] = await fetchCaptured(process.env.RESEND_BASE_URL as string, leadEmail);
    expect(mail.text).toMatch(/Not enough votes: 1 of 3 eligible members voted \(2 needed\)/);
    expect(mail.text).toMatch(/the decision is yours/);
  });
});

describe("reminders and jobs", () => {
  it("reminds only the members who have not voted, once", async () => {
    const openedAt = new Date(Date.now() - 50 * HOUR); // closes in 22 hours
    const v = await openedVote(3, openedAt);
    await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[0], choice: "yes", comment: "", now: openedAt }));
    const early = await v.inOrg((ctx) => queueVoteRemindersIfDue(ctx, v.voteId, new Date(openedAt.getTime() + 40 * HOUR)));
    expect(early).toBe(0);
    expect(await v.inOrg((ctx) => queueVoteRemindersIfDue(ctx, v.voteId))).toBe(2);
    expect(await v.inOrg((ctx) => queueVoteRemindersIfDue(ctx, v.voteId))).toBe(0);
    await relayOutbox(getDb(), v.after.emailRefs);
    await worker.start();
    for (const email of v.memberEmails.slice(1)) {
      await waitFor(async () => (await subjectsTo(email)).some((s) => s.startsWith("Reminder")), `the reminder to ${email}`);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect((await subjectsTo(v.memberEmails[0])).filter((s) => s.startsWith("Reminder"))).toEqual([]);
    expect((await subjectsTo(v.memberEmails[1])).filter((s) => s.startsWith("Reminder"))).toHaveLength(1);
  });

  it("the close job has a stable id, and the sweep closes a vote whose job Redis lost", async () => {
    const openedAt = new Date(Date.now() - 73 * HOUR);
    const v = await openedVote(3, openedAt);
    for (const member of v.memberIds.slice(0, 2)) {
      await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: member, choice: "yes", comment: "", now: openedAt }));
    }
    const future = new Date(Date.now() + HOUR);
    await carryOut(new AfterCommit().addJobs(planVoteJobs(v.org.orgId, v.voteId, future, 1)));
    await carryOut(new AfterCommit().addJobs(planVoteJobs(v.org.orgId, v.voteId, future, 1)));
    const queue = getReminderQueue();
    const delayed = (await queue.getDelayed()).filter((j) => j.id === voteCloseJobId(v.voteId, 1));
    expect(delayed).toHaveLength(1);
    await delayed[0].remove(); // Redis loses it
    const swept = await sweepVotes(getDb(), runInOrg);
    expect(swept.closes.filter((c) => c.voteId === v.voteId)).toEqual([expect.objectContaining({ kind: "closed", outcome: "passed" })]);
    expect((await sweepVotes(getDb(), runInOrg)).closes.filter((c) => c.voteId === v.voteId)).toEqual([]);
    expect((await stageOf(v.org.orgId, v.applicationId)).stage).toBe("offer");
  });
});

describe("the close job in the worker", () => {
  it("closes a vote that is due, once, however often the job is added", async () => {
    const openedAt = new Date(Date.now() - 73 * HOUR);
    const v = await openedVote(3, openedAt);
    for (const member of v.memberIds.slice(0, 2)) {
      await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: member, choice: "yes", comment: "", now: openedAt }));
    }
    const closeJobs = () => carryOut(new AfterCommit().addJobs(planVoteJobs(v.org.orgId, v.voteId, new Date(v.closesAt), 1)));
    await closeJobs();
    await closeJobs();
    await worker.start();
    await waitFor(async () => (await v.inOrg(({ trx }) => findVote(trx, v.voteId)))?.status === "closed", "the vote to close");
    const leadEmail = `lead@${v.org.slug}.test`;
    await waitFor(async () => (await subjectsTo(leadEmail)).length > 0, "the lead's email");
    await new Promise((r) => setTimeout(r, 500));
    expect(await subjectsTo(leadEmail)).toEqual(["The team vote on Olivia Grant has closed"]);
    expect((await stageOf(v.org.orgId, v.applicationId)).stage).toBe("offer");
    // The team hears too, when they have a new colleague.
    await waitFor(
      async () => (await subjectsTo(v.memberEmails[2])).includes("The team vote on Olivia Grant has closed"),
      "the team's email",
    );
  });
});

describe("recording a vote on a member's behalf", () => {
  it("is recorded as such, emails the member to confirm, and the member can confirm it", async () => {
    const v = await openedVote(3);
    const member = v.memberIds[1];
    const recorded = await v.inOrg((ctx) =>
      castBallot(ctx, {
        voteId: v.voteId,
        teamMemberId: member,
        choice: "yes",
        comment: "",
        recordedBy: { userId: v.org.leadId, name: "Lee Lead" },
      }),
    );
    expect(recorded.action).toBe("recorded_for");
    await worker.start();
    await waitFor(async () => (await subjectsTo(v.memberEmails[1])).some((s) => s.startsWith("Please check")), "the check email");
    const mail = (await fetchCaptured(process.env.RESEND_BASE_URL as string, v.memberEmails[1])).find((m) =>
      m.subject.startsWith("Please check"),
    );
    expect(mail?.text).toMatch(/Lee Lead recorded your vote on Olivia Grant for you: "Yes"/);

    const confirmed = await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: member, choice: "yes", comment: "" }));
    expect(confirmed.action).toBe("confirmed");
    const view = await v.inOrg(({ trx }) => loadVoteForStaff(trx, v.applicationId, v.org.teamId, "new_to_care"));
    expect(view.audit.map((a) => [a.action, a.actorName, a.memberName])).toEqual([
      ["recorded_for", "Lee Lead", "Member 2"],
      ["confirmed", "Member 2", "Member 2"],
    ]);
  });
});

describe("review fixes: guarding the vote", () => {
  it("a vote recorded for the last member does not close the vote until they confirm it", async () => {
    const v = await openedVote(3);
    for (const member of v.memberIds.slice(0, 2)) {
      await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: member, choice: "yes", comment: "" }));
    }
    const recorded = await v.inOrg((ctx) =>
      castBallot(ctx, {
        voteId: v.voteId,
        teamMemberId: v.memberIds[2],
        choice: "yes",
        comment: "",
        recordedBy: { userId: v.org.leadId, name: "Lee Lead" },
      }),
    );
    expect(recorded.closed).toBeNull();
    expect((await v.inOrg(({ trx }) => findVote(trx, v.voteId)))?.status).toBe("open");
    const confirmed = await v.inOrg((ctx) =>
      castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[2], choice: "yes", comment: "" }),
    );
    expect(confirmed.closed).toMatchObject({ kind: "closed", outcome: "passed" });
  });

  it("a coordinator cannot overwrite a vote the member cast themselves", async () => {
    const v = await openedVote(3);
    await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[0], choice: "no", comment: "Not ready" }));
    await expect(
      v.inOrg((ctx) =>
        castBallot(ctx, {
          voteId: v.voteId,
          teamMemberId: v.memberIds[0],
          choice: "yes",
          comment: "",
          recordedBy: { userId: v.org.leadId, name: "Lee Lead" },
        }),
      ),
    ).rejects.toThrow("Member 1 has already voted. They can change their vote from their own link.");
    expect((await v.inOrg(({ trx }) => loadVoterPage(trx, v.voteId, v.memberIds[0])))?.ownBallot).toMatchObject({ choice: "no" });
  });

  it("when the candidate withdraws during the vote, the vote stops: no result, no outcome emails, no reminders", async () => {
    const openedAt = new Date(Date.now() - 50 * HOUR);
    const v = await openedVote(3, openedAt);
    await v.inOrg((ctx) =>
      moveApplication(ctx, {
        applicationId: v.applicationId,
        to: "withdrawn",
        reason: "Took another job",
        actor: { userId: null, name: "Olivia Grant" },
      }),
    );
    const vote = await v.inOrg(({ trx }) => findVote(trx, v.voteId));
    expect(vote).toMatchObject({ status: "closed", outcome: "cancelled", result: null });
    expect(await v.inOrg((ctx) => closeVote(ctx, v.voteId, new Date(v.closesAt)))).toBeNull();
    expect(await v.inOrg((ctx) => queueVoteRemindersIfDue(ctx, v.voteId))).toBe(0);
    await expect(
      v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[0], choice: "yes", comment: "" })),
    ).rejects.toThrow(/so this was not counted/);
  });

  it("a reminder queued before the member voted is not sent once they have", async () => {
    const openedAt = new Date(Date.now() - 50 * HOUR);
    const v = await openedVote(3, openedAt);
    expect(await v.inOrg((ctx) => queueVoteRemindersIfDue(ctx, v.voteId))).toBe(3);
    await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[0], choice: "yes", comment: "" }));
    await worker.start();
    await waitFor(async () => (await subjectsTo(v.memberEmails[1])).some((s) => s.startsWith("Reminder")), "a reminder to a non-voter");
    await waitFor(
      async () =>
        (
          await withOrg(ownerDb(), v.org.orgId, (trx) =>
            // The owner's connection is not limited by row-level security: name the organisation.
            trx.selectFrom("outbox").select("providerId").where("orgId", "=", v.org.orgId).where("kind", "=", "vote-reminder").execute(),
          )
        ).every((r) => r.providerId),
      "every reminder to be handled",
    );
    expect((await subjectsTo(v.memberEmails[0])).filter((s) => s.startsWith("Reminder"))).toEqual([]);
  });

  it("a member who declared a conflict does not see the comments after the close", async () => {
    const v = await openedVote(3);
    await v.inOrg((ctx) => declareConflict(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[2], reason: "My cousin" }));
    await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[0], choice: "yes", comment: "Warm and calm" }));
    await v.inOrg((ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[1], choice: "yes", comment: "" }));
    expect((await v.inOrg(({ trx }) => findVote(trx, v.voteId)))?.status).toBe("closed");
    expect((await v.inOrg(({ trx }) => loadVoterPage(trx, v.voteId, v.memberIds[2])))?.results).toBeNull();
    expect((await v.inOrg(({ trx }) => loadVoterPage(trx, v.voteId, v.memberIds[0])))?.results?.comments).toHaveLength(1);
  });
});

describe("tenancy", () => {
  it("another organisation cannot see or vote in this vote", async () => {
    const v = await openedVote(3);
    const other = await insertOrg("Riverside");
    expect(await withOrg(getDb(), other.orgId, (trx) => findVote(trx, v.voteId))).toBeUndefined();
    expect(await withOrg(getDb(), other.orgId, (trx) => loadVoterPage(trx, v.voteId, v.memberIds[0]))).toBeNull();
    await expect(
      runInOrg(other.orgId, (ctx) => castBallot(ctx, { voteId: v.voteId, teamMemberId: v.memberIds[0], choice: "no", comment: "x" })),
    ).rejects.toThrow(/could not find that vote/);
  });

  it("a personal voting link of another organisation that names this vote is refused, and nothing is recorded", async () => {
    const a = await openedVote(3);
    await a.inOrg((trx) => castBallot(trx, { voteId: a.voteId, teamMemberId: a.memberIds[0], choice: "yes", comment: "Kind with Mrs B" }));
    const b = await openedVote(3);
    const before = await voteState(a.voteId);
    const outboxBefore = await outboxCount(a.org.orgId);
    // Personal links that are organisation B's rows but name A's vote, for B's own member and for
    // one of A's members. createVoteLink cannot make one (it reads the vote in B's scope): they
    // stand for a forged or corrupted link, the worst a voter of B could hold.
    const tokens = [await foreignLink(b.org.orgId, a.voteId, b.memberIds[0]), await foreignLink(b.org.orgId, a.voteId, a.memberIds[1])];

    for (const token of tokens) {
      const page = await outcome(voteLoader({ request: new Request(`http://localhost/vote/${token}`), params: { token }, context: {} }));
      expect(page).toEqual({ status: 404, body: "We could not find that vote." });
      expect(await outcome(voteAs(token, { intent: "vote", choice: "no", comment: "Not for us" }))).toEqual({
        status: 404,
        body: "We could not find that vote.",
      });
      const conflict = await outcome(voteAs(token, { intent: "conflict", conflictReason: "My cousin" }));
      expect(conflict.status).toBe(409);
      expect(JSON.parse(conflict.body).fieldErrors).toEqual({ choice: "We could not find that vote." });
    }

    expect(await voteState(a.voteId)).toEqual(before);
    expect(before.ballots).toMatchObject([{ teamMemberId: a.memberIds[0], choice: "yes", comment: "Kind with Mrs B" }]);
    expect(await outboxCount(a.org.orgId)).toBe(outboxBefore);
    expect(
      await ownerDb()
        .selectFrom("ballots")
        .select(["voteId", "teamMemberId"])
        .where("teamMemberId", "in", [...b.memberIds, a.memberIds[1]])
        .execute(),
    ).toEqual([]);
    expect((await voteState(b.voteId)).audit).toEqual([]);
  });

  it("a voter of another organisation cannot point their own link at this vote through the form", async () => {
    const a = await openedVote(3);
    const b = await openedVote(3);
    const before = await voteState(a.voteId);
    const token = await withOrg(
      ownerDb(),
      b.org.orgId,
      async (trx) => (await createVoteLink(trx, "http://localhost", b.voteId, b.memberIds[0])).split("/vote/")[1],
    );
    const res = await voteAs(token, { intent: "vote", choice: "yes", comment: "", voteId: a.voteId, teamMemberId: a.memberIds[0] });
    expect(res.status).toBe(302);
    // The link decides the vote and the voter: the ballot is B's member's, in B's vote.
    expect((await voteState(b.voteId)).ballots).toMatchObject([{ teamMemberId: b.memberIds[0], choice: "yes" }]);
    expect(await voteState(a.voteId)).toEqual(before);
    expect(before.ballots).toEqual([]);
  });
});

/** Everything about a vote that voting could change, read as the owner (past row-level security). */
async function voteState(voteId: string) {
  const db = ownerDb();
  return {
    vote: await db.selectFrom("votes").selectAll().where("id", "=", voteId).executeTakeFirstOrThrow(),
    voters: await db.selectFrom("voteVoters").selectAll().where("voteId", "=", voteId).orderBy("teamMemberId").execute(),
    ballots: await db.selectFrom("ballots").selectAll().where("voteId", "=", voteId).orderBy("teamMemberId").execute(),
    audit: await db.selectFrom("voteAudit").selectAll().where("voteId", "=", voteId).orderBy("createdAt").execute(),
  };
}

const outboxCount = async (orgId: string) =>
  (await ownerDb().selectFrom("outbox").select("id").where("orgId", "=", orgId).execute()).length;

/** A voting link stored as a row of `orgId` that names `voteId` (possibly another organisation's vote); its token. */
async function foreignLink(orgId: string, voteId: string, teamMemberId: string) {
  const token = randomToken();
  await withOrg(ownerDb(), orgId, (trx) =>
    trx
      .insertInto("voteLinks")
      .values({ tokenHash: sha256(token), voteId, teamMemberId, expiresAt: new Date(Date.now() + 7 * 24 * HOUR) })
      .execute(),
  );
  return token;
}

/** Posts the voting page's form with a personal link's token, as the voter's phone would. */
const voteAs = (token: string, fields: Record<string, string>) =>
  voteAction({
    request: new Request(`http://localhost/vote/${token}`, { method: "POST", body: new URLSearchParams(fields) }),
    params: { token },
    context: {},
  }) as Promise<Response>;

/** The status and body of a response, whether returned or thrown (Remix throws a 404). */
async function outcome(work: Promise<unknown>) {
  let res: Response;
  try {
    res = (await work) as Response;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    res = thrown;
  }
  return { status: res.status, body: await res.text() };
}
