import { randomBytes } from "node:crypto";
import type { OfferStatus } from "#db/schema.js";
import { withOrg } from "#db/tenant.js";
import { ukToday } from "#app/domain/offers/offer-rules.js";
import { advanceTo } from "./application.js";
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
  await advanceTo(org.orgId, people.applicationId, "offer");
  const lead = await staffCookie(org.orgId, org.leadId);
  return { org, ...people, lead };
}

/** A candidate with an offer to the organisation's team, a buddy with an email address, at `status`. */
export async function insertOffer(
  org: { orgId: string; teamId: string; vacancyId: string },
  {
    status = "accepted" as OfferStatus,
    acceptedDaysAgo = 1,
    startInDays = 21,
    startedDaysAgo = null as number | null,
    experience = "new_to_care" as "experienced" | "new_to_care",
  } = {},
) {
  return withOrg(ownerDb(), org.orgId, async (trx) => {
    const tag = randomBytes(3).toString("hex");
    const buddy = await trx
      .insertInto("teamMembers")
      .values({ teamId: org.teamId, name: "Bea Buddy", experience: "experienced", joinedOn: "2024-01-01", email: `bea.${tag}@example.com` })
      .returning(["id", "email"])
      .executeTakeFirstOrThrow();
    const email = `sophie.${tag}@example.com`;
    const candidate = await trx
      .insertInto("candidates")
      .values({ email, fullName: "Sophie Lane", phone: "07700 900002" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const application = await trx
      .insertInto("applications")
      .values({
        candidateId: candidate.id,
        vacancyId: org.vacancyId,
        stage: startedDaysAgo === null ? "offer" : "started",
        experience,
        source: "job_board",
        location: "Ashdown",
        availability: ["weekdays"],
        rightToWork: true,
        adjustments: [],
        adjustmentsNote: "",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const member =
      startedDaysAgo === null
        ? null
        : await trx
            .insertInto("teamMembers")
            .values({ teamId: org.teamId, name: "Sophie Lane", experience, joinedOn: ukDateIn(-startedDaysAgo), email })
            .returning("id")
            .executeTakeFirstOrThrow();
    const offer = await trx
      .insertInto("offers")
      .values({
        applicationId: application.id,
        teamId: org.teamId,
        buddyMemberId: buddy.id,
        roleTitle: "Care and support worker",
        hours: "25 hours a week",
        pay: "£12.60 an hour",
        startDate: startedDaysAgo === null ? ukDateIn(startInDays) : ukDateIn(-startedDaysAgo),
        status: startedDaysAgo === null ? status : "started",
        createdByName: "Lee Lead",
        acceptedAt: status === "offered" ? null : new Date(Date.now() - acceptedDaysAgo * 86_400_000),
        startedOn: startedDaysAgo === null ? null : ukDateIn(-startedDaysAgo),
        memberId: member?.id ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return {
      offerId: offer.id,
      applicationId: application.id,
      candidateEmail: email,
      buddyEmail: buddy.email as string,
      memberId: member?.id,
    };
  });
}
