import { randomBytes } from "node:crypto";
import { withOrg } from "#db/tenant.js";
import { ownerDb } from "./org.js";

/**
 * Active members for the team (each with an email address; the first `experienced`
 * experienced, the rest new to care) and one candidate at the shadow-shift step.
 */
export async function insertTeamAndShadowCandidate(
  orgId: string,
  teamId: string,
  vacancyId: string,
  { members = 3, experienced = 1, candidateExperience = "new_to_care" as "experienced" | "new_to_care" } = {},
) {
  return withOrg(ownerDb(), orgId, async (trx) => {
    const tag = randomBytes(3).toString("hex");
    const memberIds: string[] = [];
    for (let i = 0; i < members; i++) {
      const row = await trx
        .insertInto("teamMembers")
        .values({
          teamId,
          name: `Member ${i + 1}`,
          experience: i < experienced ? "experienced" : "new_to_care",
          joinedOn: "2024-01-01",
          email: `member${i + 1}.${tag}@example.com`,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      memberIds.push(row.id);
    }
    const email = `olivia.${tag}@example.com`;
    const candidate = await trx
      .insertInto("candidates")
      .values({ email, fullName: "Olivia Grant", phone: "07700 900001" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const application = await trx
      .insertInto("applications")
      .values({
        candidateId: candidate.id,
        vacancyId,
        stage: "shadow",
        experience: candidateExperience,
        source: "referral",
        location: "Ashdown",
        availability: ["weekdays"],
        rightToWork: true,
        adjustments: [],
        adjustmentsNote: "",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return {
      memberIds,
      memberEmails: memberIds.map((_, i) => `member${i + 1}.${tag}@example.com`),
      applicationId: application.id,
      candidateId: candidate.id,
      candidateEmail: email,
    };
  });
}
