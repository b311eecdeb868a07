import { afterAll, describe, expect, it } from "vitest";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { findComparisonProfiles, findMemberByLink, inviteTeamToSurvey } from "#app/domain/survey/member-survey.server.js";
import { findLiveSurvey } from "#app/domain/survey/survey-versions.server.js";
import { saveSurveyPage } from "#app/domain/survey/take-survey.server.js";
import { surveyPages } from "#app/domain/survey/survey.schema.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { pageAnswers } from "#tests/factories/survey.js";

afterAll(closeOwnerDb);

describe("the team's values profile", () => {
  it("emails members a personal link, and shows the team's average from the third member who answers", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const names = ["Ann", "Bob", "Cy", "Dee"];
    const emails = names.map((n) => `${n.toLowerCase()}.${org.slug}@example.com`);
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("teamMembers")
        .values(
          names.map((name, i) => ({
            teamId: org.teamId,
            name,
            email: emails[i],
            experience: "experienced" as const,
            joinedOn: "2024-01-01",
          })),
        )
        .execute(),
    );
    const refs = await withOrg(getDb(), org.orgId, (trx) => inviteTeamToSurvey(trx, org.teamId));
    expect(refs).toHaveLength(4);
    for (const ref of refs) await deliverOutboxEmail(getDb(), org.orgId, ref.id);

    const { definition } = await withOrg(getDb(), org.orgId, (trx) => findLiveSurvey(trx));
    const pages = surveyPages(definition);
    for (const [i, email] of emails.slice(0, 3).entries()) {
      const [message] = await fetchCaptured(process.env.RESEND_BASE_URL as string, email);
      expect(message.subject).toBe("Help shape who joins Ashdown");
      const token = /\/team-survey\/([A-Za-z0-9_-]+)/.exec(message.html)?.[1] as string;
      const member = await findMemberByLink(getDb(), token);
      expect(member?.orgId).toBe(org.orgId);
      for (const [index, page] of pages.entries()) {
        await withOrg(getDb(), org.orgId, (trx) =>
          saveSurveyPage(
            trx,
            { teamMemberId: member?.teamMemberId as string },
            index,
            pageAnswers(page, i === 0 ? "worst" : "best"),
            "Member",
          ),
        );
      }
      const comparison = await withOrg(getDb(), org.orgId, (trx) => findComparisonProfiles(trx, org.teamId));
      expect(comparison.teamAnswered).toBe(i + 1);
      expect(comparison.team === null).toBe(i < 2);
    }
    const comparison = await withOrg(getDb(), org.orgId, (trx) => findComparisonProfiles(trx, org.teamId));
    // One member answered as weakly as possible (0) and two strongly: the average sits between.
    const compassion = comparison.team?.find((v) => v.key === "compassion")?.score;
    expect(compassion).toBeGreaterThan(40);
    expect(compassion).toBeLessThan(100);

    // Inviting again only reaches the member who has not answered.
    const again = await withOrg(getDb(), org.orgId, (trx) => inviteTeamToSurvey(trx, org.teamId));
    expect(again).toHaveLength(1);
  });

  it("refuses an unknown or expired link", async () => {
    const org = await insertOrg();
    expect(await findMemberByLink(getDb(), "not-a-real-token")).toBeNull();
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("teamMembers")
        .values({
          teamId: org.teamId,
          name: "Eve",
          email: `eve.${org.slug}@example.com`,
          experience: "new_to_care",
          joinedOn: "2024-01-01",
        })
        .execute(),
    );
    const [ref] = await withOrg(getDb(), org.orgId, (trx) => inviteTeamToSurvey(trx, org.teamId));
    await deliverOutboxEmail(getDb(), org.orgId, ref.id);
    const [message] = await fetchCaptured(process.env.RESEND_BASE_URL as string, `eve.${org.slug}@example.com`);
    const token = /\/team-survey\/([A-Za-z0-9_-]+)/.exec(message.html)?.[1] as string;
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("memberSurveyLinks")
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .execute(),
    );
    expect(await findMemberByLink(getDb(), token)).toBeNull();
  });
});
