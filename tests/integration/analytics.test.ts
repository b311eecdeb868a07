import { afterAll, describe, expect, it } from "vitest";
import { dashboardCsv } from "#app/domain/analytics/csv.js";
import { defaultFilters } from "#app/domain/analytics/filters.js";
import { loadDashboard } from "#app/domain/analytics/load-dashboard.server.js";
import { loadPeople } from "#app/domain/analytics/people.server.js";
import { dropoutByCohort } from "#app/domain/offers/dropout-rates.js";
import { flagNoShowIfDue } from "#app/domain/offers/no-show.server.js";
import { listAcceptedOfferOutcomes } from "#db/queries/dropout.js";
import { getDb, type Tx } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { runInOrg } from "#tests/support/run.js";
import { loader as analyticsLoader } from "#app/routes/analytics._index.js";
import { refreshFunnelProcessor } from "#jobs/processors/refresh-funnel.js";
import { insertStories, type Story } from "#tests/factories/analytics.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";

afterAll(closeOwnerDb);

/**
 * The hand-computed organisation: ten applications in the last seven months, two teams in two
 * regions. Expected numbers are worked out by hand in the comments.
 */
async function handComputedOrg() {
  const org = await insertOrg();
  const south = await withOrg(ownerDb(), org.orgId, async (trx) => {
    const region = await trx.insertInto("regions").values({ name: "South" }).returning("id").executeTakeFirstOrThrow();
    const team = await trx
      .insertInto("teams")
      .values({ name: "Brookfield", town: "Brookfield", regionId: region.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    const vacancy = await trx
      .insertInto("vacancies")
      .values({ teamId: team.id, title: "Support worker", town: "Brookfield", hours: "Full time", summary: "Support." })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { regionId: region.id, teamId: team.id, vacancyId: vacancy.id };
  });
  const ash = { vacancyId: org.vacancyId, teamId: org.teamId };
  const brook = { vacancyId: south.vacancyId, teamId: south.teamId };
  const toWorkshop = { surveyDone: 0, booked: 0, workshop: { at: 0, attendance: "attended" as const } };
  const stories: Story[] = [
    // A1 applied only.
    { ...ash, source: "job_board", applied: 200 },
    // A2 finished the survey, then withdrew.
    { ...ash, source: "job_board", applied: 190, surveyDone: 188, exit: { kind: "withdrawn", at: 185, reason: "Changed my mind" } },
    // A3 booked, did not come, declined.
    {
      ...ash,
      source: "social_media",
      applied: 180,
      surveyDone: 178,
      booked: 175,
      workshop: { at: 170, attendance: "no_show" },
      stages: [
        ["survey", 179],
        ["workshop", 178],
      ],
      exit: { kind: "declined", at: 169, reason: "Did not attend workshop" },
    },
    // A4 attended, declined.
    {
      ...ash,
      source: "referral",
      applied: 175,
      ...toWorkshop,
      surveyDone: 173,
      booked: 172,
      workshop: { at: 165, attendance: "attended" },
      stages: [
        ["survey", 174],
        ["workshop", 173],
      ],
      exit: { kind: "declined", at: 164, reason: "Values did not match" },
    },
    // A5 hired: applied 151 days ago, started 120 days ago (31 days), still in post after 90 days.
    {
      ...ash,
      source: "referral",
      experience: "experienced",
      applied: 151,
      surveyDone: 150,
      booked: 149,
      workshop: { at: 145, attendance: "attended" },
      stages: [
        ["survey", 150.5],
        ["workshop", 150],
        ["shadow", 144],
        ["vote", 140],
        ["offer", 135],
        ["started", 120],
      ],
      offer: { accepted: 134, status: "started", startedDaysAgo: 120 },
    },
    // A6 accepted, then withdrew before starting.
    {
      ...ash,
      source: "referral",
      applied: 150,
      surveyDone: 149,
      booked: 148,
      workshop: { at: 145, attendance: "late" },
      stages: [
        ["survey", 149.5],
        ["workshop", 149],
        ["shadow", 144],
        ["vote", 140],
        ["offer", 135],
      ],
      offer: { accepted: 133, status: "withdrawn" },
      exit: { kind: "withdrawn", at: 120, reason: "Withdrew after accepting: another job" },
    },
    // A7 hired: applied 118 days ago, started 60 days ago (58 days), not yet 90 days in post.
    {
      ...ash,
      source: "job_board",
      applied: 118,
      surveyDone: 117,
      booked: 116,
      workshop: { at: 110, attendance: "attended" },
      stages: [
        ["survey", 117.5],
        ["workshop", 117],
        ["shadow", 100],
        ["vote", 90],
        ["offer", 80],
        ["started", 60],
      ],
      offer: { accepted: 79, status: "started", startedDaysAgo: 60 },
    },
    // A8 the vote did not pass.
    {
      ...ash,
      source: "social_media",
      applied: 110,
      surveyDone: 109,
      booked: 108,
      workshop: { at: 100, attendance: "attended" },
      stages: [
        ["survey", 109.5],
        ["workshop", 109],
        ["shadow", 99],
        ["vote", 90],
      ],
      exit: { kind: "declined", at: 80, reason: "Team vote did not pass" },
    },
    // A9 Brookfield: attended, still at the workshop step.
    {
      ...brook,
      source: "college",
      applied: 100,
      surveyDone: 99,
      booked: 98,
      workshop: { at: 90, attendance: "attended" },
      stages: [
        ["survey", 99.5],
        ["workshop", 99],
      ],
    },
    // A10 Brookfield: hired after 18 days (applied 168, started 150), left after 41 days: an early leaver.
    {
      ...brook,
      source: "college",
      experience: "experienced",
      applied: 168,
      surveyDone: 167,
      booked: 166,
      workshop: { at: 165, attendance: "attended" },
      stages: [
        ["survey", 167.5],
        ["workshop", 167],
        ["shadow", 164],
        ["vote", 160],
        ["offer", 155],
        ["started", 150],
      ],
      offer: { accepted: 154, status: "started", startedDaysAgo: 150, leftAfterDays: 41 },
    },
  ];
  await insertStories(org.orgId, stories);
  return { org, south, ashTeamId: org.teamId };
}

const load = (orgId: string, filters = {}) => loadDashboard((work) => withOrg(getDb(), orgId, work), { ...defaultFilters(), ...filters });

describe("funnel analytics on a hand-computed organisation", () => {
  it("counts every funnel step, conversion and headline figure exactly", async () => {
    const { org } = await handComputedOrg();
    const d = await load(org.orgId);
    expect(d.funnel.map((s) => [s.label, s.reached])).toEqual([
      ["Applied", 10],
      ["Survey complete", 9], // A2-A10
      ["Workshop booked", 8], // A3-A10
      ["Attended a workshop", 7], // A4-A10 (A6 late counts)
      ["Shadow shift done", 5], // moved on to the vote: A5, A6, A7, A8, A10
      ["Vote passed", 4], // moved on to the offer: A5, A6, A7, A10
      ["Offer accepted", 4],
      ["Started", 3], // A5, A7, A10
      ["In post at 90 days", 1], // A5 (A7 is at day 60, A10 left on day 41)
    ]);
    expect(d.funnel[3].conversion).toBeCloseTo(7 / 8);
    expect(d.funnel[7].conversion).toBeCloseTo(3 / 4);

    const value = (key: string) => d.headlines.find((h) => h.key === key);
    expect(value("workshopToHire")?.value).toBeCloseTo(7 / 3); // 1 in 2.3
    expect(value("surveyCompletion")?.value).toBeCloseTo(0.9);
    expect(value("workshopNoShow")?.value).toBeCloseTo(1 / 8); // A3 of the eight marked at a workshop
    expect(value("postOfferDropout")?.value).toBeCloseTo(1 / 4); // A6 of four accepted
    expect(value("earlyLeavers")?.value).toBeCloseTo(1 / 3); // A10 of three who started
    expect(value("timeToHire")?.value).toBeCloseTo(31); // median of 18, 31 and 58 days
    expect(value("timeToHire")?.extra).toBeCloseTo(52.6); // 90th percentile: 31 + 0.8 × (58 − 31)

    expect(d.exits.map((e) => [e.stage, e.withdrawn, e.declined])).toEqual([
      ["applied", 1, 0], // A2 withdrew before any stage change
      ["workshop", 0, 2], // A3, A4
      ["vote", 0, 1], // A8
      ["offer", 1, 0], // A6
    ]);
    expect(d.exits.find((e) => e.stage === "workshop")?.reasons).toEqual([
      { kind: "declined", reason: "Did not attend workshop", n: 1 },
      { kind: "declined", reason: "Values did not match", n: 1 },
    ]);

    const channel = (source: string) => d.channels.find((c) => c.source === source);
    expect(channel("referral")).toMatchObject({ applications: 3, hires: 1, inPost90: 1 });
    expect(channel("job_board")).toMatchObject({ applications: 3, hires: 1, inPost90: 0 });
    expect(channel("social_media")).toMatchObject({ applications: 2, hires: 0, inPost90: 0 });
    expect(channel("college")).toMatchObject({ applications: 2, hires: 1, inPost90: 0 });
  });

  it("post-offer drop-out and early leavers agree with the offers page's own definition", async () => {
    const { org } = await handComputedOrg();
    const d = await load(org.orgId);
    const own = await withOrg(getDb(), org.orgId, async (trx) => dropoutByCohort(await listAcceptedOfferOutcomes(trx)));
    expect(d.headlines.find((h) => h.key === "postOfferDropout")?.trend).toEqual(
      own.map((c) => ({ quarter: c.cohort, value: c.dropoutRate })),
    );
    expect(d.headlines.find((h) => h.key === "earlyLeavers")?.trend).toEqual(
      own.map((c) => ({ quarter: c.cohort, value: c.earlyLeaverRate })),
    );
  });

  it("a possible no-show flagged by the detector counts as drop-out at once, as on the offers page", async () => {
    const { org } = await handComputedOrg();
    // A11 accepted 40 days ago to start 26 days ago, and nobody has confirmed the start.
    const [late] = await insertStories(org.orgId, [
      {
        vacancyId: org.vacancyId,
        teamId: org.teamId,
        source: "referral",
        applied: 70,
        stages: [["offer", 45]],
        offer: { accepted: 40, status: "accepted" },
      },
    ]);
    const dropout = async () => (await load(org.orgId)).headlines.find((h) => h.key === "postOfferDropout")?.value;
    expect(await dropout()).toBeCloseTo(1 / 5); // A6 of five accepted
    await runInOrg(org.orgId, async (ctx) => {
      const offer = await ctx.trx.selectFrom("offers").select("id").where("applicationId", "=", late).executeTakeFirstOrThrow();
      expect(await flagNoShowIfDue(ctx, offer.id)).toBe(true);
    });
    expect(await dropout()).toBeCloseTo(2 / 5);
    const d = await load(org.orgId);
    const own = await withOrg(getDb(), org.orgId, async (trx) => dropoutByCohort(await listAcceptedOfferOutcomes(trx)));
    expect(d.headlines.find((h) => h.key === "postOfferDropout")?.trend).toEqual(
      own.map((c) => ({ quarter: c.cohort, value: c.dropoutRate })),
    );
  });

  it("an offer accepted just after midnight UK time counts in that UK month and quarter", async () => {
    const org = await insertOrg();
    const story: Story = { vacancyId: org.vacancyId, teamId: org.teamId, source: "referral", applied: 400, stages: [["offer", 300]] };
    const [spring, summer] = await insertStories(org.orgId, [
      { ...story, offer: { accepted: 300, status: "accepted" } },
      { ...story, offer: { accepted: 300, status: "withdrawn" } },
    ]);
    // 00:30 on 1 April and on 1 July, British Summer Time: still 31 March and 30 June in UTC.
    await withOrg(ownerDb(), org.orgId, async (trx) => {
      await trx
        .updateTable("offers")
        .set({ acceptedAt: new Date("2026-03-31T23:30:00Z") })
        .where("applicationId", "=", spring)
        .execute();
      await trx
        .updateTable("offers")
        .set({ acceptedAt: new Date("2026-06-30T23:30:00Z") })
        .where("applicationId", "=", summer)
        .execute();
    });
    const dropout = async (from: string, to: string) =>
      (await load(org.orgId, { from, to })).headlines.find((h) => h.key === "postOfferDropout");
    expect(await dropout("2026-04", "2026-06")).toMatchObject({ value: 0, trend: [{ quarter: "2026 Q2", value: 0 }] });
    expect(await dropout("2026-05", "2026-07")).toMatchObject({ value: 1, trend: [{ quarter: "2026 Q3", value: 1 }] });
    expect(await dropout("2026-01", "2026-03")).toMatchObject({ value: null, trend: [] });
    const own = await withOrg(getDb(), org.orgId, async (trx) => dropoutByCohort(await listAcceptedOfferOutcomes(trx)));
    expect(own.map((c) => [c.cohort, c.dropoutRate])).toEqual([
      ["2026 Q2", 0],
      ["2026 Q3", 1],
    ]);
  });

  it("filters combine: region, team, source and experience", async () => {
    const { org, south, ashTeamId } = await handComputedOrg();
    const reached = async (filters: Record<string, string>) => (await load(org.orgId, filters)).funnel.map((s) => s.reached);
    expect(await reached({ regionId: south.regionId })).toEqual([2, 2, 2, 2, 1, 1, 1, 1, 0]); // A9, A10
    expect(await reached({ teamId: ashTeamId, source: "referral" })).toEqual([3, 3, 3, 3, 2, 2, 2, 1, 1]); // A4, A5, A6
    expect(await reached({ experience: "experienced" })).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 1]); // A5, A10
    expect(await reached({ teamId: ashTeamId, experience: "experienced" })).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]); // A5
    expect(await reached({ source: "referral", experience: "experienced", regionId: south.regionId })).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("filters narrow the reasons people left as they narrow the counts", async () => {
    const { org, ashTeamId } = await handComputedOrg();
    const workshopReasons = async (filters: Record<string, string>) =>
      (await load(org.orgId, filters)).exits.find((e) => e.stage === "workshop")?.reasons;
    // A3 came through social media, A4 through a referral; both were new to care in the Ashdown team.
    expect(await workshopReasons({ source: "social_media" })).toEqual([{ kind: "declined", reason: "Did not attend workshop", n: 1 }]);
    expect(await workshopReasons({ teamId: ashTeamId, source: "referral" })).toEqual([
      { kind: "declined", reason: "Values did not match", n: 1 },
    ]);
    expect(await workshopReasons({ experience: "experienced" })).toBeUndefined();
    expect(await workshopReasons({ teamId: ashTeamId })).toHaveLength(2);
  });

  it("keeps up as the pipeline moves: a new application shows at once", async () => {
    const { org } = await handComputedOrg();
    await insertStories(org.orgId, [{ vacancyId: org.vacancyId, teamId: org.teamId, source: "job_centre", applied: 1 }]);
    const d = await load(org.orgId);
    expect(d.funnel[0].reached).toBe(11);
    expect(d.channels.find((c) => c.source === "job_centre")?.applications).toBe(1);
  });

  it("the CSV has the same numbers as the chart", async () => {
    const { org } = await handComputedOrg();
    const d = await load(org.orgId);
    const rows = dashboardCsv(d, "funnel").trim().split("\n");
    expect(rows[0]).toBe("step,reached,conversion_from_previous,share_of_applications");
    expect(rows.slice(1).map((r) => r.split(",").slice(0, 2))).toEqual(d.funnel.map((s) => [s.label, String(s.reached)]));
    expect(dashboardCsv(d, "channels")).toContain("Someone who works here told me,3,1,1,0.3333");
  });

  it("a lead of another organisation sees nothing of this one", async () => {
    const { org } = await handComputedOrg();
    const other = await insertOrg("Riverside");
    const d = await load(other.orgId);
    expect(d.funnel.every((s) => s.reached === 0)).toBe(true);
    const cookie = await staffCookie(other.orgId, other.leadId);
    const page = await analyticsLoader({
      request: new Request("http://localhost/analytics", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(JSON.stringify(page)).not.toContain(org.teamId);
    expect(page.dashboard.funnel[0].reached).toBe(0);
  });
});

describe("keeping the rollup current", () => {
  it("the minute job recounts changed months, and a hire's day 90 is counted once it comes", async () => {
    const { org } = await handComputedOrg();
    await load(org.orgId); // counted now: A5 in post at 90 days
    // A7 (started 60 days ago) reaches day 90: move its start back 31 days, as time would.
    await withOrg(ownerDb(), org.orgId, async (trx) => {
      // The owner's connection is not limited by row-level security: name the organisation.
      const fact = await trx
        .selectFrom("applicationFacts")
        .select(["applicationId", "startedAt"])
        .where("orgId", "=", org.orgId)
        .where("source", "=", "job_board")
        .where("startedAt", "is not", null)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("applicationFacts")
        .set({
          startedAt: new Date(new Date(fact.startedAt as Date).getTime() - 31 * 86_400_000),
          appliedAt: new Date(Date.now() - 149 * 86_400_000),
        })
        .where("applicationId", "=", fact.applicationId)
        .execute();
    });
    const result = await refreshFunnelProcessor();
    expect(result.months).toBeGreaterThanOrEqual(1);
    const d = await load(org.orgId);
    expect(d.funnel.find((s) => s.key === "inPost90")?.reached).toBe(2);
  });

  it("a page leaves a changed month too big to recount to the minute job, and says so", async () => {
    const { org } = await handComputedOrg();
    await load(org.orgId);
    await insertStories(org.orgId, [{ vacancyId: org.vacancyId, teamId: org.teamId, source: "job_centre", applied: 1 }]);
    // A page allowed to recount only months of no applications at all leaves this one.
    const scoped = <T>(work: (trx: Tx) => Promise<T>) => withOrg(getDb(), org.orgId, work);
    const stale = await loadDashboard(scoped, defaultFilters(), new Date(), 0);
    expect(stale.updating).toBe(true);
    expect(stale.funnel[0].reached).toBe(10);
    const people = await loadPeople(scoped, defaultFilters(), 0);
    expect(people.updating).toBe(true);
    // The minute job counts it; then a page has nothing left to do.
    await refreshFunnelProcessor();
    const fresh = await loadDashboard(scoped, defaultFilters(), new Date(), 0);
    expect(fresh.updating).toBe(false);
    expect(fresh.funnel[0].reached).toBe(11);
  });

  it("a lead never waits for a month of more than 1,000 applications to be recounted: the last counted figures, still being counted", async () => {
    const org = await insertOrg();
    const story = { vacancyId: org.vacancyId, teamId: org.teamId, source: "job_centre", applied: 0 };
    await insertStories(
      org.orgId,
      Array.from({ length: 1000 }, () => story),
    );
    await refreshFunnelProcessor();
    // One more application this month: 1,001 to recount, which a page used to do (about 30 ms a
    // thousand; 200 ms at 1M) and now leaves to the minute job.
    await insertStories(org.orgId, [story]);
    const scoped = <T>(work: (trx: Tx) => Promise<T>) => withOrg(getDb(), org.orgId, work);
    const page = await loadDashboard(scoped, defaultFilters());
    expect(page.updating).toBe(true);
    expect(page.funnel[0].reached).toBe(1000);
    await refreshFunnelProcessor();
    expect((await loadDashboard(scoped, defaultFilters())).funnel[0].reached).toBe(1001);
  }, 120_000);

  it("a deleted application leaves every figure at once, and an organisation can still be deleted", async () => {
    const { org } = await handComputedOrg();
    const [extra] = await insertStories(org.orgId, [{ vacancyId: org.vacancyId, teamId: org.teamId, source: "job_centre", applied: 1 }]);
    expect((await load(org.orgId)).funnel[0].reached).toBe(11);
    // Nothing in the app deletes an application yet (erasure would): its facts go by cascade.
    await withOrg(ownerDb(), org.orgId, (trx) => trx.deleteFrom("applications").where("id", "=", extra).execute());
    const d = await load(org.orgId);
    expect(d.funnel[0].reached).toBe(10);
    expect(d.channels.find((c) => c.source === "job_centre")?.applications ?? 0).toBe(0);
    // The whole organisation: its rollups go with it (not rebuilt on the way).
    await ownerDb().deleteFrom("organisations").where("id", "=", org.orgId).execute();
    const left = await ownerDb().selectFrom("funnelMonthly").select("orgId").where("orgId", "=", org.orgId).execute();
    expect(left).toEqual([]);
  });
});
