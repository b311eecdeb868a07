import { randomBytes } from "node:crypto";
import { withOrg } from "#db/tenant.js";
import { ownerDb } from "./org.js";

/** A workshop recruiting for `teamId`, `daysAhead` days from now (3 hours long). */
export async function insertWorkshop(orgId: string, teamId: string, { capacity = 25, daysAhead = 7 } = {}) {
  return withOrg(ownerDb(), orgId, async (trx) => {
    const startsAt = new Date(Date.now() + daysAhead * 86_400_000);
    const workshop = await trx
      .insertInto("workshops")
      .values({
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        venueName: "Ashdown Community Centre",
        venueAddress: "1 High Street, Ashdown",
        accessibility: "Step-free entrance; quiet room available",
        capacity,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("workshopTeams").values({ workshopId: workshop.id, teamId }).execute();
    return workshop.id;
  });
}

/** `count` candidates whose applications are at the workshop step (invited to book). */
export async function insertInvitedApplications(orgId: string, vacancyId: string, count: number) {
  return withOrg(ownerDb(), orgId, async (trx) => {
    const people: { applicationId: string; candidateId: string; email: string }[] = [];
    for (let i = 0; i < count; i++) {
      const email = `w${i}.${randomBytes(3).toString("hex")}@example.com`;
      const candidate = await trx
        .insertInto("candidates")
        .values({ email, fullName: `Candidate ${i}`, phone: "07700 900000" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const application = await trx
        .insertInto("applications")
        .values({
          candidateId: candidate.id,
          vacancyId,
          stage: "workshop",
          experience: "new_to_care",
          source: "college",
          location: "Ashdown",
          availability: ["weekends"],
          rightToWork: true,
          adjustments: [],
          adjustmentsNote: "",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      people.push({ applicationId: application.id, candidateId: candidate.id, email });
    }
    return people;
  });
}
