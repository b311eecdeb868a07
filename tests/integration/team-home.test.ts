import { afterAll, describe, expect, it } from "vitest";
import { withOrg } from "#db/tenant.js";
import { action as homeAction, loader as homeLoader } from "#app/routes/home.js";
import { loader as signInLoader } from "#app/routes/sign-in.js";
import { loader as voteLoader } from "#app/routes/vote.$token.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { insertHost, insertShadowApplications, insertShift } from "#tests/factories/shadow.js";
import { caught } from "#tests/support/caught.js";

afterAll(closeOwnerDb);

const HOUR = 3_600_000;
const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
const post = (url: string, fields: Record<string, string>, cookie: string) =>
  new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } });

/** An open (or closed) vote on `applicationId` with `memberIds` on the roll; `conflict` steps the first out. */
async function insertVote(
  orgId: string,
  teamId: string,
  applicationId: string,
  memberIds: string[],
  { status = "open" as "open" | "closed", conflict = false, closesAt = new Date(Date.now() + 48 * HOUR) } = {},
) {
  return withOrg(ownerDb(), orgId, async (trx) => {
    const vote = await trx
      .insertInto("votes")
      .values({
        applicationId,
        teamId,
        rule: "consent",
        quorum: "half",
        closesAt,
        visibility: "secret",
        openedByName: "Lee Lead",
        status,
        ...(status === "closed"
          ? {
              closedAt: new Date(),
              outcome: "passed" as const,
              result: JSON.stringify({ eligible: 1, required: 1, cast: 1, yes: 1, no: 0, concern: 0 }),
            }
          : {}),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [i, teamMemberId] of memberIds.entries()) {
      await trx
        .insertInto("voteVoters")
        .values({
          voteId: vote.id,
          teamMemberId,
          conflictReason: conflict && i === 0 ? "My cousin" : null,
          conflictDeclaredAt: conflict && i === 0 ? new Date() : null,
        })
        .execute();
    }
    return vote.id;
  });
}

async function setUp() {
  const org = await insertOrg();
  const otherTeamId = await withOrg(ownerDb(), org.orgId, async (trx) => {
    const region = await trx.selectFrom("regions").select("id").executeTakeFirstOrThrow();
    const team = await trx
      .insertInto("teams")
      .values({ name: "Brookfield", town: "Brookfield", regionId: region.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    return team.id;
  });
  const me = await insertHost(org.orgId, org.teamId, "Sam Member");
  const colleague = await insertHost(org.orgId, otherTeamId, "Kit Other");
  const apps = await insertShadowApplications(org.orgId, org.vacancyId, 8);
  // Named so a first name is easy to tell from the full one.
  await withOrg(ownerDb(), org.orgId, async (trx) => {
    for (const [i, a] of apps.entries()) {
      await trx
        .updateTable("candidates")
        .set({ fullName: `Person${i} Surname${i}` })
        .where("id", "=", a.candidateId)
        .execute();
    }
  });
  return { org, otherTeamId, me, colleague, apps };
}

describe("a team member's home page", () => {
  it("lists the member's own open votes, upcoming shifts they host and the feedback they owe, and nobody else's", async () => {
    const s = await setUp();
    const { org, me, colleague, apps } = s;
    const mine = await insertVote(org.orgId, org.teamId, apps[0].applicationId, [me.memberId], {
      closesAt: new Date("2030-06-03T11:30:00Z"),
    });
    await insertVote(org.orgId, s.otherTeamId, apps[1].applicationId, [colleague.memberId]);
    await insertVote(org.orgId, org.teamId, apps[2].applicationId, [me.memberId], { status: "closed" });
    await insertVote(org.orgId, org.teamId, apps[3].applicationId, [me.memberId], { conflict: true });

    const upcoming = await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: me.memberId,
      applicationId: apps[4].applicationId,
      startsAt: new Date("2030-06-04T08:00:00Z"),
    });
    const owed = await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: me.memberId,
      applicationId: apps[5].applicationId,
      startsAt: new Date(Date.now() - 30 * HOUR),
    });
    const given = await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: me.memberId,
      applicationId: apps[6].applicationId,
      startsAt: new Date(Date.now() - 50 * HOUR),
    });
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("shadowFeedback")
        .values({
          shiftId: given.shiftId,
          applicationId: apps[6].applicationId,
          authorName: "Sam Member",
          values: "[]",
          recommendation: "yes",
        })
        .execute(),
    );
    await insertShift(org.orgId, {
      teamId: org.teamId,
      hostMemberId: me.memberId,
      applicationId: apps[7].applicationId,
      status: "cancelled",
      startsAt: new Date(Date.now() + 30 * HOUR),
    });
    // The colleague's shift in another team, upcoming and one owing feedback.
    await insertShift(org.orgId, { teamId: s.otherTeamId, hostMemberId: colleague.memberId, startsAt: new Date(Date.now() + 40 * HOUR) });

    const cookie = await staffCookie(org.orgId, me.userId);
    const home = await homeLoader({ request: get("/home", cookie), params: {}, context: {} });
    expect(home.votes).toEqual([
      { voteId: mine, candidateName: "Person0 Surname0", teamName: "Ashdown", closes: "Monday 3 June 2030, 12:30pm", voted: false },
    ]);
    expect(home.upcomingShifts.map((x) => x.id)).toEqual([upcoming.shiftId]);
    expect(home.upcomingShifts[0]).toMatchObject({ candidateFirstName: "Person4", status: "Confirmed" });
    expect(JSON.stringify(home.upcomingShifts)).not.toContain("Surname4");
    expect(home.feedbackOwed.map((x) => x.id)).toEqual([owed.shiftId]);
    expect(home.feedbackOwed[0].candidateFirstName).toBe("Person5");

    // The colleague sees only their own.
    const theirs = await homeLoader({ request: get("/home", await staffCookie(org.orgId, colleague.userId)), params: {}, context: {} });
    expect(theirs.votes.map((v) => v.candidateName)).toEqual(["Person1 Surname1"]);
    expect(theirs.upcomingShifts).toHaveLength(1);
    expect(theirs.upcomingShifts[0].candidateFirstName).toBeNull();
    expect(theirs.feedbackOwed).toEqual([]);

    // "Vote" gives the member their own voting link, and the vote page opens as theirs.
    const opened = (await homeAction({ request: post("/home", { voteId: mine }, cookie), params: {}, context: {} })) as Response;
    expect(opened.status).toBe(302);
    const location = opened.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/vote\/[A-Za-z0-9_-]{20,}$/);
    const token = location.split("/").pop() as string;
    const page = await voteLoader({ request: new Request(`http://localhost${location}`), params: { token }, context: {} });
    expect(page.voter.name).toBe("Sam Member");
    expect(page.candidate.name).toBe("Person0 Surname0");

    // Someone else's vote is not found, for a colleague in another team.
    const refused = await caught(
      homeAction({ request: post("/home", { voteId: mine }, await staffCookie(org.orgId, colleague.userId)), params: {}, context: {} }),
    );
    expect((refused as Response).status).toBe(404);
  });

  it("says plainly when there is nothing to do", async () => {
    const { org, me } = await setUp();
    const home = await homeLoader({ request: get("/home", await staffCookie(org.orgId, me.userId)), params: {}, context: {} });
    expect(home).toMatchObject({ isMember: true, votes: [], upcomingShifts: [], feedbackOwed: [] });
  });

  it("a member of another organisation cannot reach the vote, by form post", async () => {
    const { org, me, apps } = await setUp();
    const voteId = await insertVote(org.orgId, org.teamId, apps[0].applicationId, [me.memberId]);
    const other = await setUp();
    const cookie = await staffCookie(other.org.orgId, other.me.userId);
    const refused = await caught(homeAction({ request: post("/home", { voteId }, cookie), params: {}, context: {} }));
    expect((refused as Response).status).toBe(404);
    const home = await homeLoader({ request: get("/home", cookie), params: {}, context: {} });
    expect(home.votes).toEqual([]);
  });

  it("staff in a team land on their home page after signing in; a lead in no team lands on the pipeline", async () => {
    const { org, me } = await setUp();
    const landing = async (cookie: string) => {
      const thrown = (await caught(signInLoader({ request: get("/sign-in", cookie), params: {}, context: {} }))) as Response;
      return thrown.headers.get("Location");
    };
    expect(await landing(await staffCookie(org.orgId, me.userId))).toBe("/home");
    expect(await landing(await staffCookie(org.orgId, org.leadId))).toBe("/pipeline");
    // A lead who is also in a team lands on their home page too.
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("teamMembers")
        .values({ teamId: org.teamId, userId: org.leadId, name: "Lee Lead", experience: "experienced", joinedOn: "2024-01-01" })
        .execute(),
    );
    expect(await landing(await staffCookie(org.orgId, org.leadId))).toBe("/home");
  });
});
