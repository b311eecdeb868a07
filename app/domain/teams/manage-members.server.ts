import { endCurrentMembership, insertMembership, lockMemberById, lockTeamById } from "#db/queries/teams.js";
import type { Tx } from "#db/client.js";
import type { UseCaseContext } from "../after-commit.js";
import { changedFields, recordAudit } from "../audit/record-audit.server.js";
import { cancelTouchpoints } from "../offers/keep-in-touch.server.js";
import type { Actor } from "./actor.js";
import type { MemberInput, MemberLeftInput, MoveMemberInput } from "./team.schema.js";
import { TeamError } from "./team.errors.js";

// Members are named in the audit log by id only (with what changed about their place in the team,
// never their email), like everyone else there.

async function activeTeam(trx: Tx, teamId: string, field = "form") {
  const team = await lockTeamById(trx, teamId);
  if (!team) throw new TeamError("not_found", "We could not find that team.", field);
  if (team.archivedAt) throw new TeamError("archived", `${team.name} is archived: choose an active team`, field);
  return team;
}

async function checkAccount(trx: Tx, userId: string | null) {
  if (!userId) return;
  const user = await trx.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
  if (!user) throw new TeamError("invalid", "Choose one of the organisation's staff accounts, or none", "userId");
}

const row = (input: MemberInput) => ({
  name: input.name,
  email: input.email || null,
  experience: input.experience,
  joinedOn: input.joinedOn,
  userId: input.userId || null,
});

export async function addMember({ trx }: UseCaseContext, args: MemberInput & { teamId: string; actor: Actor }) {
  const team = await activeTeam(trx, args.teamId);
  const values = row(args);
  await checkAccount(trx, values.userId);
  const member = await trx
    .insertInto("teamMembers")
    .values({ ...values, teamId: team.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertMembership(trx, { memberId: member.id, teamId: team.id, fromOn: values.joinedOn });
  await recordAudit(trx, {
    actor: args.actor,
    kind: "member",
    action: "member.add",
    subjectId: member.id,
    summary: `Added a member to ${team.name}`,
    after: { teamId: team.id, experience: values.experience, joinedOn: values.joinedOn, userId: values.userId },
  });
  return member.id;
}

export async function editMember({ trx }: UseCaseContext, args: MemberInput & { teamId: string; memberId: string; actor: Actor }) {
  const member = await lockMemberById(trx, args.memberId);
  if (!member || member.teamId !== args.teamId || member.leftOn) throw new TeamError("not_found", "We could not find that member.");
  const values = row(args);
  await checkAccount(trx, values.userId);
  const change = changedFields(member, values);
  if (!change) return;
  await trx.updateTable("teamMembers").set(values).where("id", "=", member.id).execute();
  if (values.joinedOn !== member.joinedOn) {
    // The first membership starts when they joined.
    await trx
      .updateTable("teamMemberships")
      .set({ fromOn: values.joinedOn })
      .where("memberId", "=", member.id)
      .where("fromOn", "=", member.joinedOn)
      .execute();
  }
  const { email: _was, ...before } = change.before;
  const { email: _now, ...after } = change.after;
  if ("email" in change.after) {
    before.email = "(changed)";
    after.email = "(changed)";
  }
  await recordAudit(trx, {
    actor: args.actor,
    kind: "member",
    action: "member.edit",
    subjectId: member.id,
    summary: "Changed a member's details",
    before,
    after,
  });
}

/**
 * Moves a member to another team on a date: the same row (their offers, votes and the early-leaver
 * figures still follow them), a new membership in the history, and both teams' mix follows at once
 * (the team_members trigger snapshots the old and the new team).
 */
export async function moveMember({ trx }: UseCaseContext, args: MoveMemberInput & { teamId: string; actor: Actor }) {
  const member = await lockMemberById(trx, args.memberId);
  if (!member || member.teamId !== args.teamId || member.leftOn)
    throw new TeamError("not_found", "Choose a current member of this team", "memberId");
  if (args.toTeamId === member.teamId) throw new TeamError("invalid", "Choose a different team from the one they are in", "toTeamId");
  const from = await activeTeam(trx, member.teamId);
  const to = await activeTeam(trx, args.toTeamId, "toTeamId");
  if (args.movedOn < member.joinedOn) throw new TeamError("invalid", "The date they moved cannot be before they joined", "movedOn");
  await endCurrentMembership(trx, member.id, args.movedOn);
  await insertMembership(trx, { memberId: member.id, teamId: to.id, fromOn: args.movedOn });
  await trx.updateTable("teamMembers").set({ teamId: to.id }).where("id", "=", member.id).execute();
  await recordAudit(trx, {
    actor: args.actor,
    kind: "member",
    action: "member.move",
    subjectId: member.id,
    summary: `Moved a member from ${from.name} to ${to.name}`,
    before: { teamId: from.id },
    after: { teamId: to.id, movedOn: args.movedOn },
  });
}

/** A member leaves on a date, for a reason: they stop counting in the mix and feed the early-leaver figures. */
export async function recordMemberLeft({ trx }: UseCaseContext, args: MemberLeftInput & { teamId: string; actor: Actor }) {
  const member = await lockMemberById(trx, args.memberId);
  if (!member || member.teamId !== args.teamId || member.leftOn)
    throw new TeamError("not_found", "Choose a current member of this team", "memberId");
  if (args.leftOn < member.joinedOn) throw new TeamError("invalid", "The date they left cannot be before they joined", "leftOn");
  await trx.updateTable("teamMembers").set({ leftOn: args.leftOn, leftReason: args.reason }).where("id", "=", member.id).execute();
  await endCurrentMembership(trx, member.id, args.leftOn);
  const offers = await trx.selectFrom("offers").select("id").where("memberId", "=", member.id).execute();
  for (const offer of offers) await cancelTouchpoints(trx, offer.id);
  await recordAudit(trx, {
    actor: args.actor,
    kind: "member",
    action: "member.left",
    subjectId: member.id,
    summary: "Recorded that a member left",
    before: { leftOn: null },
    after: { leftOn: args.leftOn, reason: args.reason },
  });
}
