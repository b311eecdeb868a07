import { withOrg } from "#db/tenant.js";
import { ukToday } from "#app/domain/offers/offer-rules.js";
import { insertOrg, ownerDb, staffCookie } from "./org.js";
import { insertTeamAndShadowCandidate } from "./vote.js";

/** A UK date `days` from today ("2026-12-17"). */
export const ukDateIn = (days: number) => ukToday(new Date(Date.now() + days * 86_400_000));

/**
 * An organisation whose 4-member team (2 experienced) passed its vote on a new-to-care candidate:
 * the application is at the offer step and the lead is signed in.
 */
export async function insertOfferReady(candidateExperience: "experienced" | "new_to_care" = "new_to_care") {
  const org = await insertOrg();
  const people = await insertTeamAndShadowCandidate(org.orgId, org.teamId, org.vacancyId, {
    members: 4,
    experienced: 2,
    candidateExperience,
  });
  await withOrg(ownerDb(), org.orgId, (trx) =>
    trx.updateTable("applications").set({ stage: "offer" }).where("id", "=", people.applicationId).execute(),
  );
  const lead = await staffCookie(org.orgId, org.leadId);
  return { org, ...people, lead };
}
