import { sql } from "kysely";
import { findRegionById, findRegionByName } from "#db/queries/teams.js";
import type { UseCaseContext } from "../after-commit.js";
import { changedFields, recordAudit } from "../audit/record-audit.server.js";
import type { Actor } from "./actor.js";
import type { RegionInput } from "./team.schema.js";
import { TeamError } from "./team.errors.js";

/** Renames a region. */
export async function renameRegion({ trx }: UseCaseContext, args: RegionInput & { regionId: string; actor: Actor }) {
  const region = await findRegionById(trx, args.regionId);
  if (!region) throw new TeamError("not_found", "We could not find that region.");
  const same = await findRegionByName(trx, args.name);
  if (same && same.id !== region.id) throw new TeamError("duplicate", `There is already a region called ${args.name}`, "name");
  const change = changedFields({ name: region.name }, { name: args.name });
  if (!change) return;
  await trx.updateTable("regions").set({ name: args.name }).where("id", "=", region.id).execute();
  await recordAudit(trx, {
    actor: args.actor,
    kind: "team",
    action: "region.rename",
    subjectId: region.id,
    summary: `Renamed the region ${region.name} to ${args.name}`,
    ...change,
  });
}

/** Archives a region once none of its teams is active (they keep their history, and analytics still counts them). */
export async function archiveRegion({ trx }: UseCaseContext, args: { regionId: string; actor: Actor }) {
  const region = await findRegionById(trx, args.regionId);
  if (!region) throw new TeamError("not_found", "We could not find that region.");
  if (region.archivedAt) return;
  const active = await trx
    .selectFrom("teams")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("regionId", "=", region.id)
    .where("archivedAt", "is", null)
    .executeTakeFirstOrThrow();
  if (active.n > 0)
    throw new TeamError(
      "invalid",
      `${region.name} still has ${active.n} active team${active.n === 1 ? "" : "s"}: archive or move them first`,
    );
  await trx.updateTable("regions").set({ archivedAt: new Date() }).where("id", "=", region.id).execute();
  await recordAudit(trx, {
    actor: args.actor,
    kind: "team",
    action: "region.archive",
    subjectId: region.id,
    summary: `Archived the region ${region.name}`,
    before: { archived: false },
    after: { archived: true },
  });
}
