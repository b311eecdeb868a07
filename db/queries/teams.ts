import { sql } from "kysely";
import type { Tx } from "../client.js";

export function listRegions(trx: Tx) {
  return trx.selectFrom("regions").select(["id", "name"]).orderBy("name").execute();
}

export function listTeamsWithMix(trx: Tx) {
  return trx
    .selectFrom("teams")
    .innerJoin("regions", "regions.id", "teams.regionId")
    .leftJoin("teamMembers", (join) => join.onRef("teamMembers.teamId", "=", "teams.id").on("teamMembers.leftOn", "is", null))
    .select([
      "teams.id",
      "teams.name",
      "teams.town",
      "regions.name as regionName",
      sql<number>`count(team_members.id)::int`.as("size"),
      sql<number>`count(team_members.id) filter (where team_members.experience = 'experienced')::int`.as("experienced"),
    ])
    .where("teams.archivedAt", "is", null)
    .groupBy(["teams.id", "regions.name"])
    .orderBy("regions.name")
    .orderBy("teams.name")
    .execute();
}

/** One team's active members: how many, and how many experienced. */
export function countTeamMix(trx: Tx, teamId: string) {
  return trx
    .selectFrom("teamMembers")
    .select([sql<number>`count(*)::int`.as("size"), sql<number>`count(*) filter (where experience = 'experienced')::int`.as("experienced")])
    .where("teamId", "=", teamId)
    .where("leftOn", "is", null)
    .executeTakeFirstOrThrow();
}

export function findTeamById(trx: Tx, id: string) {
  return trx
    .selectFrom("teams")
    .innerJoin("regions", "regions.id", "teams.regionId")
    .select(["teams.id", "teams.name", "teams.town", "regions.name as regionName"])
    .where("teams.id", "=", id)
    .executeTakeFirst();
}

export function listActiveMembers(trx: Tx, teamId: string) {
  return trx
    .selectFrom("teamMembers")
    .select(["id", "name", "experience", "joinedOn", "email"])
    .where("teamId", "=", teamId)
    .where("leftOn", "is", null)
    .orderBy("joinedOn")
    .execute();
}

export function listTeams(trx: Tx) {
  return trx.selectFrom("teams").select(["id", "name"]).orderBy("name").execute();
}

/** A team member and their team's name, for their emails (throws if there is no such member). */
export function findMemberForEmail(trx: Tx, teamMemberId: string) {
  return trx
    .selectFrom("teamMembers")
    .innerJoin("teams", "teams.id", "teamMembers.teamId")
    .select(["teamMembers.id", "teamMembers.name", "teamMembers.email", "teams.name as teamName"])
    .where("teamMembers.id", "=", teamMemberId)
    .executeTakeFirstOrThrow();
}

/** Regions for the management page: archived ones last, with how many active teams each has. */
export function listRegionsForAdmin(trx: Tx) {
  return trx
    .selectFrom("regions")
    .leftJoin("teams", (join) => join.onRef("teams.regionId", "=", "regions.id").on("teams.archivedAt", "is", null))
    .select(["regions.id", "regions.name", "regions.archivedAt", sql<number>`count(teams.id)::int`.as("teams")])
    .groupBy("regions.id")
    .orderBy(sql`regions.archived_at is not null`)
    .orderBy("regions.name")
    .execute();
}

export function listActiveRegions(trx: Tx) {
  return trx.selectFrom("regions").select(["id", "name"]).where("archivedAt", "is", null).orderBy("name").execute();
}

export function findRegionById(trx: Tx, id: string) {
  return trx.selectFrom("regions").select(["id", "name", "archivedAt"]).where("id", "=", id).executeTakeFirst();
}

export function findRegionByName(trx: Tx, name: string) {
  return trx.selectFrom("regions").select("id").where(sql`lower(name)`, "=", name.toLowerCase()).executeTakeFirst();
}

export function findTeamByName(trx: Tx, name: string) {
  return trx.selectFrom("teams").select("id").where(sql`lower(name)`, "=", name.toLowerCase()).executeTakeFirst();
}

/** A team row to change, locked. */
export function lockTeamById(trx: Tx, id: string) {
  return trx
    .selectFrom("teams")
    .select(["id", "name", "town", "regionId", "archivedAt"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export function listActiveTeams(trx: Tx) {
  return trx.selectFrom("teams").select(["id", "name", "town"]).where("archivedAt", "is", null).orderBy("name").execute();
}

/** A team member to change, locked. */
export function lockMemberById(trx: Tx, id: string) {
  return trx
    .selectFrom("teamMembers")
    .select(["id", "teamId", "userId", "name", "email", "experience", "joinedOn", "leftOn", "leftReason"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export function listMembersForRosterMatch(trx: Tx, teamId: string) {
  return trx.selectFrom("teamMembers").select(["id", "name", "email", "joinedOn"]).where("teamId", "=", teamId).execute();
}

/** Members of a team with the staff account they vote with, for the management table. */
export function listMembersWithAccounts(trx: Tx, teamId: string) {
  return trx
    .selectFrom("teamMembers")
    .leftJoin("users", "users.id", "teamMembers.userId")
    .select([
      "teamMembers.id",
      "teamMembers.name",
      "teamMembers.email",
      "teamMembers.experience",
      "teamMembers.joinedOn",
      "teamMembers.userId",
      "users.name as userName",
    ])
    .where("teamMembers.teamId", "=", teamId)
    .where("teamMembers.leftOn", "is", null)
    .orderBy("teamMembers.name")
    .execute();
}

/** Where one member has been, oldest first. */
export function listMemberships(trx: Tx, memberId: string) {
  return trx
    .selectFrom("teamMemberships")
    .innerJoin("teams", "teams.id", "teamMemberships.teamId")
    .select(["teamMemberships.teamId", "teams.name as teamName", "teamMemberships.fromOn", "teamMemberships.toOn"])
    .where("teamMemberships.memberId", "=", memberId)
    .orderBy("teamMemberships.fromOn")
    .orderBy("teamMemberships.createdAt")
    .execute();
}

export function insertMembership(trx: Tx, row: { memberId: string; teamId: string; fromOn: string }) {
  return trx.insertInto("teamMemberships").values(row).execute();
}

/** Ends the member's current membership on `toOn`. */
export function endCurrentMembership(trx: Tx, memberId: string, toOn: string) {
  return trx.updateTable("teamMemberships").set({ toOn }).where("memberId", "=", memberId).where("toOn", "is", null).execute();
}
