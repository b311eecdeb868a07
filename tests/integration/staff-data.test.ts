import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "#app/domain/audit/record-audit.server.js";
import { applyRetention } from "#app/domain/privacy/retention.server.js";
import { eraseStaffPerson, exportStaffData, STAFF_PERSONAL_DATA, staffDueForErasure } from "#app/domain/privacy/staff-data.server.js";
import { deactivateStaff } from "#app/domain/staff/manage-staff.server.js";
import { addMember, recordMemberLeft } from "#app/domain/teams/manage-members.server.js";
import { castBallot } from "#app/domain/votes/cast-ballot.server.js";
import { openVote } from "#app/domain/votes/open-vote.server.js";
import { listTeamsWithMix } from "#db/queries/teams.js";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { insertTeamAndShadowCandidate } from "#tests/factories/vote.js";
import { caught } from "#tests/support/caught.js";
import { findAnywhere } from "#tests/support/find-anywhere.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

const admin = (org: { leadId: string }) => ({ userId: org.leadId, name: "Lee Lead" });

/** A team member with a staff account, a name and email found nowhere else, and data in many places. */
async function insertColleague(org: Awaited<ReturnType<typeof insertOrg>>) {
  const tag = randomBytes(4).toString("hex");
  const person = { name: `Quinn Okafor-${tag}`, email: `quinn.${tag}@example.com` };
  const userId = await withOrg(ownerDb(), org.orgId, async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({ email: person.email, name: person.name, role: "member", passwordHash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("sessions")
      .values({ id: `h-${tag}`, userId: user.id, candidateId: null, revokedAt: null, expiresAt: new Date(Date.now() + 86_400_000) })
      .execute();
    return user.id;
  });
  const memberId = await runInOrg(org.orgId, (ctx) =>
    addMember(ctx, {
      teamId: org.teamId,
      name: person.name,
      email: person.email,
      experience: "experienced",
      joinedOn: "2023-05-01",
      userId,
      actor: admin(org),
    }),
  );
  // They vote on a candidate, with a comment, and an invitation to them is on the audit log.
  const team = await insertTeamAndShadowCandidate(org.orgId, org.teamId, org.vacancyId, { members: 2 });
  const { voteId } = await runInOrg(org.orgId, (ctx) => openVote(ctx, { applicationId: team.applicationId, actor: admin(org) }));
  await runInOrg(org.orgId, (ctx) =>
    castBallot(ctx, { voteId, teamMemberId: memberId, choice: "yes", comment: `Ask ${person.name} about nights` }),
  );
  await withOrg(ownerDb(), org.orgId, async (trx) => {
    await recordAudit(trx, {
      actor: admin(org),
      kind: "staff",
      action: "staff.invited",
      summary: `Invited ${person.email} as member`,
      after: { email: person.email },
    });
    await trx
      .insertInto("applicationEvents")
      .values({
        applicationId: team.applicationId,
        fromStage: "shadow",
        toStage: "shadow",
        actorUserId: userId,
        actorName: person.name,
        reason: "Note",
        kind: "note",
      })
      .execute();
  });
  return { ...person, tag, userId, memberId, voteId };
}

async function leave(org: Awaited<ReturnType<typeof insertOrg>>, c: { memberId: string; userId: string }, leftOn = "2026-01-15") {
  await runInOrg(org.orgId, (ctx) =>
    recordMemberLeft(ctx, {
      memberId: c.memberId,
      leftOn,
      reason: "Moved away to look after family",
      teamId: org.teamId,
      actor: admin(org),
    }),
  );
  await runInOrg(org.orgId, (ctx) => deactivateStaff(ctx, admin(org), c.userId));
}

describe("staff personal data", () => {
  it("every table that points at a staff account or a team member is covered by both the export and the erasure", async () => {
    const { rows } = await sql<{ child: string }>`
      select distinct conrelid::regclass::text as child from pg_constraint
      where contype = 'f' and confrelid::regclass::text in ('users', 'team_members')`.execute(ownerDb());
    const missing = ["users", ...rows.map((r) => r.child)].filter((t) => !(t in STAFF_PERSONAL_DATA));
    expect(missing).toEqual([]);
    expect(rows.length).toBeGreaterThan(10);
  });

  it("is refused while they are still in a team or can still sign in", async () => {
    const org = await insertOrg();
    const c = await insertColleague(org);
    const refused = (await caught(
      runInOrg(org.orgId, (ctx) => eraseStaffPerson(ctx, { memberId: c.memberId, why: "request", actor: admin(org) })),
    )) as Error;
    expect(refused.message).toBe("Record that they left the team before erasing their data.");
    await runInOrg(org.orgId, (ctx) =>
      recordMemberLeft(ctx, { memberId: c.memberId, leftOn: "2026-01-15", reason: "Moved", teamId: org.teamId, actor: admin(org) }),
    );
    const stillSignsIn = (await caught(
      runInOrg(org.orgId, (ctx) => eraseStaffPerson(ctx, { memberId: c.memberId, why: "request", actor: admin(org) })),
    )) as Error;
    expect(stillSignsIn.message).toBe("Deactivate their staff account before erasing their data.");
    expect(await findAnywhere(c.email)).not.toEqual([]);
  });

  it("the export holds their account, membership and votes; erasure leaves their name and email nowhere and the team's figures unchanged", async () => {
    const org = await insertOrg();
    const c = await insertColleague(org);
    await leave(org, c);

    const exported = await runInOrg(org.orgId, ({ trx }) => exportStaffData(trx, { memberId: c.memberId }, admin(org)));
    const titles = exported.sections.filter((s) => s.rows.length).map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(["Staff account", "Team membership", "Teams over time", "Your votes"]));
    expect(JSON.stringify(exported)).toContain(c.email);

    const mix = () => runInOrg(org.orgId, ({ trx }) => listTeamsWithMix(trx));
    const before = await mix();
    expect((await findAnywhere(c.name)).length).toBeGreaterThan(3);
    expect(
      await runInOrg(org.orgId, (ctx) =>
        eraseStaffPerson(ctx, { memberId: c.memberId, why: "request", reason: "Asked by email", actor: admin(org) }),
      ),
    ).toEqual({
      erased: true,
    });

    expect(await findAnywhere(c.name)).toEqual([]);
    expect(await findAnywhere(c.email)).toEqual([]);
    expect(await findAnywhere("look after family")).toEqual([]);
    expect(await mix()).toEqual(before);
    const ballot = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("ballots").select(["choice", "comment"]).where("teamMemberId", "=", c.memberId).executeTakeFirstOrThrow(),
    );
    expect(ballot).toEqual({ choice: "yes", comment: "" });
    const sessions = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("sessions").select("id").where("userId", "=", c.userId).execute(),
    );
    expect(sessions).toEqual([]);
    // Twice is harmless.
    expect(await runInOrg(org.orgId, (ctx) => eraseStaffPerson(ctx, { memberId: c.memberId, why: "request", actor: admin(org) }))).toEqual({
      erased: false,
    });
  });

  it("the nightly run erases a former colleague the staff retention period after they left, to the UK day, and counts them for the admins", async () => {
    const org = await insertOrg();
    const c = await insertColleague(org);
    await leave(org, c, "2024-03-10");
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("users")
        .set({ deactivatedAt: new Date("2024-03-10T09:00:00Z") })
        .where("id", "=", c.userId)
        .execute(),
    );
    const due = (now: string) => runInOrg(org.orgId, ({ trx }) => staffDueForErasure(trx, new Date(now)));
    expect(await due("2026-03-09T23:30:00Z")).toEqual({ memberIds: [], userIds: [] });
    expect((await due("2026-03-10T00:30:00Z")).memberIds).toEqual([c.memberId]);

    const result = await runInOrg(org.orgId, (ctx) => applyRetention(ctx, new Date("2026-03-10T03:00:00Z")));
    expect(result.staffErased).toBe(1);
    expect(await findAnywhere(c.email)).toEqual([]);
    const again = await runInOrg(org.orgId, (ctx) => applyRetention(ctx, new Date("2026-03-11T03:00:00Z")));
    expect(again.staffErased).toBe(0);
  });

  it("a shorter staff retention period set by the organisation brings the day forward", async () => {
    const org = await insertOrg();
    const c = await insertColleague(org);
    await leave(org, c, "2025-12-01");
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("users")
        .set({ deactivatedAt: new Date("2025-12-01T09:00:00Z") })
        .where("id", "=", c.userId)
        .execute(),
    );
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("orgSettings")
        .values({ staffRetentionMonths: 3 })
        .onConflict((oc) => oc.column("orgId").doUpdateSet({ staffRetentionMonths: 3 }))
        .execute(),
    );
    const due = await runInOrg(org.orgId, ({ trx }) => staffDueForErasure(trx, new Date("2026-03-01T12:00:00Z")));
    expect(due.memberIds).toEqual([c.memberId]);
  });
});
