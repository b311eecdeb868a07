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
