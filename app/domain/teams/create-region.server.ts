import { findRegionByName } from "#db/queries/teams.js";
import type { UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import type { Actor } from "./actor.js";
import type { RegionInput } from "./team.schema.js";
import { TeamError } from "./team.errors.js";

export async function createRegion({ trx }: UseCaseContext, args: RegionInput & { actor: Actor }) {
  if (await findRegionByName(trx, args.name)) throw new TeamError("duplicate", `There is already a region called ${args.name}`, "name");
  const region = await trx.insertInto("regions").values({ name: args.name }).returning("id").executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: args.actor,
    kind: "team",
    action: "region.create",
    subjectId: region.id,
    summary: `Created the region ${args.name}`,
    after: { name: args.name },
  });
  return region.id;
}
