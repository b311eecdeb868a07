import { randomBytes } from "node:crypto";
import { getServerEnv } from "#app/env.server.js";
import type { ApplicationInput } from "#app/domain/applications/application.schema.js";
import { createDb, type DB } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { startSession } from "#app/utils/session.server.js";

let owner: DB | undefined;
/** The owner role's connection: for setting up test data only, never for the code under test. */
export const ownerDb = () => (owner ??= createDb(getServerEnv().DATABASE_URL, 2));
export const closeOwnerDb = async () => {
  await owner?.destroy();
  owner = undefined;
};

/** A fresh organisation (in `db`, the owner's, unless a drill's own cluster) with a region, a team, an open vacancy and a lead, named uniquely. */
export async function insertOrg(name = "Test Care", db: DB = ownerDb()) {
  const slug = `org-${randomBytes(4).toString("hex")}`;
  const org = await db.insertInto("organisations").values({ slug, name }).returning("id").executeTakeFirstOrThrow();
  return withOrg(db, org.id, async (trx) => {
    const region = await trx.insertInto("regions").values({ name: "North" }).returning("id").executeTakeFirstOrThrow();
    const team = await trx
      .insertInto("teams")
      .values({ name: "Ashdown", town: "Ashdown", regionId: region.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    const vacancy = await trx
      .insertInto("vacancies")
      .values({ teamId: team.id, title: "Care worker", town: "Ashdown", hours: "Part time", summary: "Caring for people at home." })
      .returning("id")
      .executeTakeFirstOrThrow();
    const lead = await trx
      .insertInto("users")
      .values({ email: `lead@${slug}.test`, name: "Lee Lead", role: "lead", passwordHash: "unused" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { orgId: org.id, slug, teamId: team.id, vacancyId: vacancy.id, leadId: lead.id };
  });
}

/** A Cookie header for a signed-in staff member of `orgId`. */
export async function staffCookie(orgId: string, userId: string) {
  const setCookie = await withOrg(ownerDb(), orgId, (trx) => startSession(trx, { userId }));
  return setCookie.split(";")[0];
}

export function applicationInput(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    fullName: "Ada Lovelace",
    email: `ada.${randomBytes(4).toString("hex")}@example.com`,
    phone: "07700 900123",
    location: "Bristol",
    availability: ["weekends"],
    experience: "new_to_care",
    source: "college",
    rightToWork: "yes",
    adjustments: ["quiet_space"],
    adjustmentsNote: "",
    consent: "yes",
    ...overrides,
  };
}
