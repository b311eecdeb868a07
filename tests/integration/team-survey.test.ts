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
import { recordInOrg, runInOrg } from "#tests/support/run.js";

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
    const { result: invited, after } = await recordInOrg(org.orgId, (ctx) => inviteTeamToSurvey(ctx, org.teamId));
    expect(invited).toBe(4);
    expect(after.emailRefs).toHaveLength(4);
    for (const ref of after.emailRefs) await deliverOutboxEmail(getDb(), org.orgId, ref.id);

    const { definition } = await withOrg(getDb(), org.orgId, (trx) => findLiveSurvey(trx));
    const pages = surveyPages(definition);
    for (const [i, email] of emails.slice(0, 3).entries()) {
      const [message] = await fetchCaptured(process.env.RESEND_BASE_URL as string, email);
      expect(message.subject).toBe("Help shape who joins Ashdown");
      const token = /\/team-survey\/([A-Za-z0-9_-]+)/.exec(message.html)?.[1] as string;
      const member = await findMemberByLink(getDb(), token);
      expect(member?.orgId).toBe(org.orgId);
      for (const [index, page] of pages.entries()) {
        await runInOrg(org.orgId, (ctx) =>
          saveSurveyPage(
            ctx,
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
    // Worked by hand from the default survey (4 statements per value, then 6 scenarios) and
    // pageAnswers (tests/factories/survey.ts):
    // - Ann ("worst"): every statement scores 0 (1 on a plain one, 5 on a reverse one), and every
    //   scenario's last option by total points gives no points to anything (sit1 c, sit2 b, sit3 c,
    //   sit4 c, sit5 b, sit6 b), so every value is 0.
    // - Bob and Cy ("best"): every statement scores 1, and each scenario's option with the most
    //   points is "a" (in sit1 a and d both total 4; the stable sort keeps a first). A scenario
    //   counts for every value any of its options scores, as chosen points / best points:
    //     compassion     4 + sit1 3/3 + sit2 0/1 + sit4 0/1 + sit5 0/1 = 5/8 = 62.5 -> 63
    //     responsibility 4 + sit1 0/1 + sit2 0/2 + sit3 3/3 + sit6 0/2 = 5/8 = 62.5 -> 63
    //     collaboration  4 + sit2 2/2 + sit3 1/1 + sit5 3/3 + sit6 1/1 = 8/8        -> 100
    //     curiosity      4 + sit1 1/1 + sit4 0/3 + sit6 3/3            = 6/7 = 85.7 -> 86
    //     creativity     4 + sit1 0/2 + sit4 3/3                       = 5/6 = 83.3 -> 83
    //     flourishing    4 + sit1 0/2 + sit4 2/2                       = 5/6 = 83.3 -> 83
    //     autonomy       4 + sit2 3/3 + sit5 2/2                       = 6/6        -> 100
    // - The team: the mean of the three (rounded) scores, rounded: compassion (0 + 63 + 63) / 3 = 42,
    //   responsibility 42, collaboration 200 / 3 = 66.7 -> 67, curiosity 172 / 3 = 57.3 -> 57,
    //   creativity and flourishing 166 / 3 = 55.3 -> 55, autonomy 67.
    expect(comparison.team).toEqual([
      { key: "compassion", score: 42 },
      { key: "responsibility", score: 42 },
      { key: "collaboration", score: 67 },
      { key: "curiosity", score: 57 },
      { key: "creativity", score: 55 },
      { key: "flourishing", score: 55 },
      { key: "autonomy", score: 67 },
    ]);

    // Inviting again only reaches the member who has not answered.
    const again = await runInOrg(org.orgId, (ctx) => inviteTeamToSurvey(ctx, org.teamId));
    expect(again).toBe(1);
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
    const { after } = await recordInOrg(org.orgId, (ctx) => inviteTeamToSurvey(ctx, org.teamId));
    await deliverOutboxEmail(getDb(), org.orgId, after.emailRefs[0].id);
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
