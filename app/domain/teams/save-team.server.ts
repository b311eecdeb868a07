import { sql } from "kysely";
import { findRegionById, findTeamByName, lockTeamById } from "#db/queries/teams.js";
import type { Tx } from "#db/client.js";
import type { UseCaseContext } from "../after-commit.js";
import { changedFields, recordAudit } from "../audit/record-audit.server.js";
import type { Actor } from "./actor.js";
import type { TeamInput } from "./team.schema.js";
import { TeamError } from "./team.errors.js";

async function checkTeamInput(trx: Tx, input: TeamInput, teamId?: string) {
  const region = await findRegionById(trx, input.regionId);
  if (!region || region.archivedAt) throw new TeamError("invalid", "Choose one of the organisation's regions", "regionId");
  const same = await findTeamByName(trx, input.name);
  if (same && same.id !== teamId) throw new TeamError("duplicate", `There is already a team called ${input.name}`, "name");
  return region;
}

export async function createTeam({ trx }: UseCaseContext, args: TeamInput & { actor: Actor }) {
  const { actor, ...input } = args;
  const region = await checkTeamInput(trx, input);
  const team = await trx.insertInto("teams").values(input).returning("id").executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor,
    kind: "team",
    action: "team.create",
    subjectId: team.id,
    summary: `Created the team ${input.name} (${input.town}, ${region.name})`,
    after: input,
  });
  return team.id;
}

/** Renames a team, or changes its town or region. */
export async function updateTeam({ trx }: UseCaseContext, args: TeamInput & { teamId: string; actor: Actor }) {
  const { actor, teamId, ...input } = args;
  const team = await lockTeamById(trx, teamId);
  if (!team) throw new TeamError("not_found", "We could not find that team.");
  await checkTeamInput(trx, input, team.id);
  const change = changedFields({ name: team.name, town: team.town, regionId: team.regionId }, input);
  if (!change) return;
  await trx.updateTable("teams").set(input).where("id", "=", team.id).execute();
  await recordAudit(trx, {
    actor,
    kind: "team",
    action: "team.update",
    subjectId: team.id,
    summary: `Changed the team ${input.name}`,
    ...change,
  });
}

/** Archives a team with no current members and no open or draft vacancy; its history stays. */
export async function archiveTeam({ trx }: UseCaseContext, args: { teamId: string; actor: Actor }) {
  const team = await lockTeamById(trx, args.teamId);
  if (!team) throw new TeamError("not_found", "We could not find that team.");
  if (team.archivedAt) return;
  const { members } = await trx
    .selectFrom("teamMembers")
    .select(sql<number>`count(*)::int`.as("members"))
    .where("teamId", "=", team.id)
    .where("leftOn", "is", null)
    .executeTakeFirstOrThrow();
  if (members > 0)
    throw new TeamError(
      "invalid",
      `${team.name} still has ${members} member${members === 1 ? "" : "s"}: move them or record that they left first`,
    );
  const { vacancies } = await trx
    .selectFrom("vacancies")
    .select(sql<number>`count(*)::int`.as("vacancies"))
    .where("teamId", "=", team.id)
    .where("status", "in", ["draft", "open"])
    .executeTakeFirstOrThrow();
  if (vacancies > 0) throw new TeamError("invalid", `${team.name} has open or draft vacancies: close them first`);
  await trx.updateTable("teams").set({ archivedAt: new Date() }).where("id", "=", team.id).execute();
  await recordAudit(trx, {
    actor: args.actor,
    kind: "team",
    action: "team.archive",
    subjectId: team.id,
    summary: `Archived the team ${team.name}`,
    before: { archived: false },
    after: { archived: true },
  });
}
