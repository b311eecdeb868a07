import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { peopleCsv } from "#app/domain/analytics/csv.js";
import { defaultFilters } from "#app/domain/analytics/filters.js";
import { loadPeople, type People } from "#app/domain/analytics/people.server.js";
import type { MonitoringAnswers } from "#app/domain/diversity/monitoring.schema.js";
import { loader as analyticsLoader } from "#app/routes/analytics.people.js";
import { loader as csvLoader } from "#app/routes/analytics[.]csv.js";
import { loader as applicationLoader } from "#app/routes/pipeline.$applicationId/route.js";
import { loader as pipelineLoader } from "#app/routes/pipeline._index.js";
import { action as monitoringAction, loader as monitoringLoader } from "#app/routes/me_.monitoring.$applicationId.js";
import { startSession } from "#app/utils/session.server.js";
import { getDb } from "#db/client.js";
import { deleteMyMonitoring, saveMyMonitoring } from "#db/queries/people.js";
import { withOrg } from "#db/tenant.js";
import { insertStories, type Story } from "#tests/factories/analytics.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";

afterAll(closeOwnerDb);

type Outcome = "applied" | "attended" | "hired";
type Person = {
  gender: MonitoringAnswers["gender"] | null;
  outcome: Outcome;
  caring?: MonitoringAnswers["caring"];
  /** Answers other than the ones the gender implies (below). */
  answers?: Partial<MonitoringAnswers>;
  place?: string;
};

/**
 * 21 applications, worked out by hand (people hired came to a workshop, so "came" counts them):
 *   gender      woman 8 (6 came to a workshop, 2 hired), man 6 (3, 1), non-binary 2 (1, 0),
 *               another way 0, prefer not to say 0, not answered 5 (1, 1). Overall 4 hired of 21.
 *   age         25 to 34: the women and non-binary people (10: 7 came, 2 hired); 35 to 44: the men.
 *   ethnicity   white: the women and non-binary people; asian: the men.
 *   disability  everyone who answered said "no" (16: 10 came, 3 hired).
 *   caring      yes 3 (1, 0), no 7 (7, 3), prefer not to say 6 (2, 0), not answered 5 (1, 1).
 *   location    12 "Ashdown" (written four ways; 9 came, 3 hired), 6 "Brookfield" (2, 1),
 *               2 "elmford" and 1 "Oxley" (only applied).
 *   channel     the women came through a referral, everyone else a job website.
 * Index 8 is the man hired, index 14 the non-binary person who came, index 16 the hire who did not
 * answer.
 */
const PEOPLE: Person[] = [
  ...(["hired", "hired", "attended", "attended", "attended", "attended", "applied", "applied"] as const).map((outcome, i) => ({
    gender: "woman" as const,
    outcome,
    caring: (["no", "no", "no", "no", "prefer_not_to_say", "prefer_not_to_say", "prefer_not_to_say", "yes"] as const)[i],
  })),
  ...(["hired", "attended", "attended", "applied", "applied", "applied"] as const).map((outcome, i) => ({
    gender: "man" as const,
    outcome,
    caring: (["no", "no", "no", "prefer_not_to_say", "prefer_not_to_say", "prefer_not_to_say"] as const)[i],
  })),
  { gender: "non_binary", outcome: "attended", caring: "yes" },
  { gender: "non_binary", outcome: "applied", caring: "yes" },
  ...(["hired", "applied", "applied", "applied", "applied"] as const).map((outcome) => ({ gender: null, outcome })),
];
const PLACES = [...Array(12).keys()].map((i) => ["Ashdown", "ashdown ", " Ashdown", "ashdown"][i % 4]);
PLACES.push(...Array(6).fill("  Brookfield"), "elmford", "elmford", "Oxley");

function story(org: { vacancyId: string; teamId: string }, p: Person, index: number): Story {
  const base: Story = {
    vacancyId: org.vacancyId,
    teamId: org.teamId,
    source: p.gender === "woman" ? "referral" : "job_board",
    applied: 100 - index,
    location: p.place ?? PLACES[index],
    diversity: p.gender
      ? {
          gender: p.gender,
          caring: p.caring ?? "no",
          ageBand: p.gender === "man" ? "35_44" : "25_34",
          ethnicity: p.gender === "man" ? "asian" : "white",
          disability: "no",
          ...p.answers,
        }
      : undefined,
  };
  if (p.outcome === "applied") return base;
  const attended: Story = {
    ...base,
    surveyDone: 90 - index,
    booked: 89 - index,
    workshop: { at: 80 - index, attendance: "attended" },
    stages: [
      ["survey", 90 - index],
      ["workshop", 89 - index],
    ],
  };
  if (p.outcome === "attended") return attended;
  return {
    ...attended,
    stages: [...(attended.stages ?? []), ["shadow", 60], ["vote", 50], ["offer", 40], ["started", 20]],
    offer: { accepted: 39, status: "started", startedDaysAgo: 20 },
  };
}

async function handMadeOrg(people = PEOPLE) {
  const org = await insertOrg();
  const ids = await insertStories(
    org.orgId,
    people.map((p, i) => story(org, p, i)),
  );
  return { org, ids };
}

const load = (orgId: string, filters = {}) => loadPeople((work) => withOrg(getDb(), orgId, work), { ...defaultFilters(), ...filters });
const question = (p: People, key: string) => {
  const found = p.questions.find((q) => q.key === key);
  if (!found) throw new Error(`no question ${key}`);
  return found;
};
const FEWER = "fewer than 5";
/** Each group as [key, applications, attended, hired] (a hidden count: "fewer than 5"), or [key, "fewer than 5"]. */
const table = (p: People, key: string) =>
  question(p, key).groups.map((g) => (g.suppressed ? [g.key, FEWER] : [g.key, g.applications, g.attended ?? FEWER, g.hired ?? FEWER]));
/** The rule, checked on everything loadPeople returns: every number is 5 or more, and leaves 5 or more of its group out. */
function expectNothingSmall(p: People) {
  for (const q of p.questions) {
    for (const g of q.groups) {
      if (g.suppressed) {
        expect(Object.keys(g).sort()).toEqual(["key", "label", "suppressed"]);
        continue;
      }
      expect(g.applications).toBeGreaterThanOrEqual(5);
      for (const n of [g.attended, g.hired]) {
        if (n === null) continue;
        expect(n).toBeGreaterThanOrEqual(5);
        expect(g.applications - n).toBeGreaterThanOrEqual(5);
      }
      if (g.hired === null) expect(g.hireRate).toBeNull();
    }
  }
}

describe("the People section of the funnel dashboard", () => {
  it("counts applications exactly, and hides every workshop and hire count under 5 or leaving fewer than 5 of its group out", async () => {
    const { org } = await handMadeOrg();
    const p = await load(org.orgId);
    // Gender: non-binary (2) and the two empty answers are under 5: three hidden, so no
    // next-smallest. Women: 6 of 8 came (2 did not) and 2 were hired; men: 3 came, 1 hired; did
    // not answer: 1 came, 1 hired. Every one of those is under 5 or leaves under 5 out.
    expect(table(p, "gender")).toEqual([
      ["woman", 8, FEWER, FEWER],
      ["man", 6, FEWER, FEWER],
      ["non_binary", FEWER],
      ["another_way", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", 5, FEWER, FEWER],
    ]);
    const gender = question(p, "gender");
    expect(gender.overallHireRate).toBeCloseTo(4 / 21);
    // No hire count is shown, so no hire rate is, and there is no hotspot (before: men, 1 in 6).
    expect(gender.groups.every((g) => g.suppressed || g.hireRate === null)).toBe(true);
    expect(gender.hotspot).toBeNull();
    // Age: 25 to 34 is 10 (7 came: 3 did not; 2 hired); 35 to 44 the men, as above.
    expect(table(p, "ageBand")).toEqual([
      ["16_24", FEWER],
      ["25_34", 10, FEWER, FEWER],
      ["35_44", 6, FEWER, FEWER],
      ["45_54", FEWER],
      ["55_64", FEWER],
      ["65_plus", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", 5, FEWER, FEWER],
    ]);
    // Ethnic group: white 10 (7, 2) and asian 6 (3, 1), as age.
    expect(table(p, "ethnicity")).toEqual([
      ["asian", 6, FEWER, FEWER],
      ["black", FEWER],
      ["mixed", FEWER],
      ["white", 10, FEWER, FEWER],
      ["other", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", 5, FEWER, FEWER],
    ]);
    // Disability: all 16 who answered said "no", so showing it would give everyone's answer: hidden,
    // with "yes" and "prefer not to say" (none). "Did not answer" is then the only group shown, and
    // its counts (1 came, 1 hired) are hidden, so it goes too.
    expect(table(p, "disability")).toEqual([
      ["yes", FEWER],
      ["no", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", FEWER],
    ]);
    expectNothingSmall(p);
  });

  it("suppresses groups under 5, and the next-smallest when only one would be suppressed", async () => {
    const { org } = await handMadeOrg();
    const p = await load(org.orgId);
    // Caring: yes is 3 (suppressed); then "not answered" (5) could be worked out by subtraction.
    // No: all 7 came (0 did not) and 3 hired; prefer not to say: 2 came, 0 hired: all hidden.
    expect(table(p, "caring")).toEqual([
      ["yes", FEWER],
      ["no", 7, FEWER, FEWER],
      ["prefer_not_to_say", 6, FEWER, FEWER],
      ["not_answered", FEWER],
    ]);
    // Location: trimmed, first letter upper-case; the small places are one suppressed group (not
    // named), and Brookfield (6), the next-smallest, is suppressed with it. Ashdown is then the only
    // place shown, and 9 of its 12 came (3 did not): hidden, so Ashdown goes too.
    expect(table(p, "location")).toEqual([
      ["Ashdown", FEWER],
      ["Brookfield", FEWER],
      ["other_places", FEWER],
    ]);
    const json = JSON.stringify(p);
    expect(json).not.toMatch(/elmford|Oxley/i);
    // Suppressed groups carry no numbers at all, and hidden counts are null.
    expectNothingSmall(p);
  });

  it("shows the counts the rule allows, with their hire rates and the hotspot, on the page and in the CSV", async () => {
    // 80 applications, all in Ashdown: women 40 (15 came, 5 of them hired), men 20 (10, 5), did not
    // answer 20 (10, 5). Each count is 5 or more and leaves 5 or more of its group out (and came but
    // not hired: 10, 5, 5), and none is everyone's: all shown. Overall 15 of 80 hired (18.75%);
    // women 5 of 40 (12.5%) are furthest below.
    const many = (gender: Person["gender"], hired: number, came: number, applied: number): Person[] =>
      [...Array(hired).fill("hired"), ...Array(came).fill("attended"), ...Array(applied).fill("applied")].map((outcome) => ({
        gender,
        outcome,
        place: "Ashdown",
      }));
    const people = [...many("woman", 5, 10, 25), ...many("man", 5, 5, 10), ...many(null, 5, 5, 10)];
    // Hires first, then those who came, so each story's steps run in order (story() counts back from its index).
    const ordered = (["hired", "attended", "applied"] as const).flatMap((o) => people.filter((x) => x.outcome === o));
    const { org } = await handMadeOrg(ordered);
    const p = await load(org.orgId);
    expect(table(p, "gender")).toEqual([
      ["woman", 40, 15, 5],
      ["man", 20, 10, 5],
      ["non_binary", FEWER],
      ["another_way", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", 20, 10, 5],
    ]);
    const gender = question(p, "gender");
    expect(gender.overallHireRate).toBeCloseTo(15 / 80);
    expect(gender.hotspot).toEqual({ key: "woman", label: "Woman", hireRate: 5 / 40 });
    // Disability: everyone who answered (60) said "no": hidden, with the empty answers; "did not
    // answer" (20, 10, 5) is shown alone with every count shown.
    expect(table(p, "disability")).toEqual([
      ["yes", FEWER],
      ["no", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", 20, 10, 5],
    ]);
    // Everyone is in Ashdown: shown, it would say so.
    expect(table(p, "location")).toEqual([["Ashdown", FEWER]]);
    expectNothingSmall(p);

    const rows = peopleCsv(p).trim().split("\n");
    expect(rows).toContain("Gender,Woman,40,15,5,0.125");
    expect(rows).toContain("Gender,Man,20,10,5,0.25");
    expect(rows).toContain("Gender,Non-binary,fewer than 5,,,");
    expect(rows).toContain("Disability,No,fewer than 5,,,");
  });

  it("applies the dashboard's filters", async () => {
    const { org } = await handMadeOrg();
    // Referrals are the 8 women: "woman" is everyone, so it is hidden, with every other (empty) group.
    const referrals = await load(org.orgId, { source: "referral" });
    expect(table(referrals, "gender")).toEqual([
      ["woman", FEWER],
      ["man", FEWER],
      ["non_binary", FEWER],
      ["another_way", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", FEWER],
    ]);
    // The job website: men 6 (3 came, 1 hired), non-binary 2, did not answer 5 (1, 1).
    const men = await load(org.orgId, { source: "job_board", experience: "new_to_care", teamId: org.teamId });
    expect(table(men, "gender").slice(0, 2)).toEqual([
      ["woman", FEWER],
      ["man", 6, FEWER, FEWER],
    ]);
    const longAgo = await load(org.orgId, { from: "2020-01", to: "2020-12" });
    expect(longAgo.questions.every((q) => q.groups.every((g) => g.suppressed))).toBe(true);
    for (const p of [referrals, men, longAgo]) expectNothingSmall(p);
  });

  it("source = job board: staff know who the 2 hires are, and still cannot read the hired man's answers (the privacy review's finding)", async () => {
    // With the filter: 13 applications, 5 came to a workshop, 2 hired (on the dashboard): the man at
    // index 8 and the one at index 16, who did not answer. Before, the page showed Gender: man
    // 6 / 3 / 1, Ethnic group: asian 6 / 3 / 1, Disability: no 8 / 4 / 1, so the hired man was the
    // asian man with no disability.
    const { org } = await handMadeOrg();
    const cookie = await staffCookie(org.orgId, org.leadId);
    const url = "http://localhost/analytics/people?source=job_board";
    const page = await analyticsLoader({ request: new Request(url, { headers: { Cookie: cookie } }), params: {}, context: {} });
    const p = page.people;
    // Gender: men 6 (3 came, 1 hired) and did not answer 5 (1, 1) shown, counts hidden; the rest
    // (non-binary 2, three empty answers) under 5.
    expect(table(p, "gender")).toEqual([
      ["woman", FEWER],
      ["man", 6, FEWER, FEWER],
      ["non_binary", FEWER],
      ["another_way", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", 5, FEWER, FEWER],
    ]);
    // Age and ethnic group: the men are 35 to 44 and asian; the two non-binary people 25 to 34 and white.
    expect(table(p, "ageBand")).toEqual([
      ["16_24", FEWER],
      ["25_34", FEWER],
      ["35_44", 6, FEWER, FEWER],
      ["45_54", FEWER],
      ["55_64", FEWER],
      ["65_plus", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", 5, FEWER, FEWER],
    ]);
    expect(table(p, "ethnicity")).toEqual([
      ["asian", 6, FEWER, FEWER],
      ["black", FEWER],
      ["mixed", FEWER],
      ["white", FEWER],
      ["other", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", 5, FEWER, FEWER],
    ]);
    // Disability: all 8 who answered said "no" (hidden, it is everyone's answer); "did not answer"
    // alone with hidden counts goes too. Caring: yes 2, no 3, prefer not to say 3: all under 5, and
    // "did not answer" alone again. Location: Brookfield 6 and the other places (Ashdown has 4 here),
    // always hidden, so Brookfield with them.
    for (const key of ["disability", "caring", "location"]) expect(table(p, key).every((row) => row[1] === FEWER)).toBe(true);
    // No hire count, hire rate or hotspot anywhere.
    for (const q of p.questions) {
      expect(q.hotspot).toBeNull();
      for (const g of q.groups) if (!g.suppressed) expect([g.hired, g.hireRate]).toEqual([null, null]);
    }
    expectNothingSmall(p);

    // The CSV carries no hidden number: nothing but "fewer than 5" or nothing in the came, hired and
    // rate columns.
    const response = await csvLoader({
      request: new Request("http://localhost/analytics.csv?section=people&source=job_board", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    const csv = await response.text();
    expect(csv).toBe(peopleCsv(p));
    const rows = csv.trim().split("\n").slice(1);
    expect(rows).toContain("Gender,Man,6,fewer than 5,fewer than 5,");
    expect(rows).toContain("Ethnic group,Asian or Asian British,6,fewer than 5,fewer than 5,");
    expect(rows).toContain("Disability,No,fewer than 5,,,");
    for (const row of rows) {
      const [attended, hired, rate] = row.split(",").slice(-3);
      expect([FEWER, ""]).toContain(attended);
      expect([FEWER, ""]).toContain(hired);
      expect(rate).toBe("");
    }

    // And the page is the same had the hired man been white and 25 to 34 with other caring answers:
    // he and the non-binary person who came (index 14) swap those answers. The old page would have
    // shown asian 6 / 3 / 1 here and 6 / 3 / 0 there.
    const swapped = PEOPLE.map((person, i) =>
      i === 8
        ? { ...person, answers: { ageBand: "25_34", ethnicity: "white" }, caring: "yes" as const }
        : i === 14
          ? { ...person, answers: { ageBand: "35_44", ethnicity: "asian" }, caring: "no" as const }
          : person,
    ) as Person[];
    const other = await handMadeOrg(swapped);
    const otherPage = await load(other.org.orgId, { source: "job_board" });
    expect(otherPage).toEqual(await load(org.orgId, { source: "job_board" }));
    // (They do differ: unfiltered, the answers are where the swap put them.)
    expect(table(await load(other.org.orgId), "ageBand")[1]).toEqual(["25_34", 10, FEWER, FEWER]);
  });

  it("the CSV has the page's numbers and none of the hidden ones", async () => {
    const { org } = await handMadeOrg();
    const cookie = await staffCookie(org.orgId, org.leadId);
    const page = await analyticsLoader({
      request: new Request("http://localhost/analytics/people", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    const response = await csvLoader({
      request: new Request("http://localhost/analytics.csv?section=people", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    const csv = await response.text();
    expect(csv).toBe(peopleCsv(page.people));
    const rows = csv.trim().split("\n");
    expect(rows[0]).toBe("question,group,applications,attended_workshop,hired,hire_rate");
    expect(rows).toContain("Gender,Woman,8,fewer than 5,fewer than 5,");
    expect(rows).toContain("Gender,Non-binary,fewer than 5,,,");
    expect(rows).toContain("Caring responsibilities,Did not answer the monitoring questions,fewer than 5,,,");
    expect(rows).toContain("Location,Brookfield,fewer than 5,,,");
    expect(csv).not.toMatch(/elmford|Oxley/i);
    // The caring "yes" group (3 people) and "not answered" (5, suppressed with it): no numbers
    // written; "no" (all 7 came, 3 hired) and "prefer not to say" (2 came, 0 hired): applications only.
    expect(rows.filter((r) => r.startsWith("Caring responsibilities,")).map((r) => r.split(",").slice(2).join(","))).toEqual([
      "fewer than 5,,,",
      "7,fewer than 5,fewer than 5,",
      "6,fewer than 5,fewer than 5,",
      "fewer than 5,,,",
    ]);
    // Nowhere in this organisation is a came or hired count shown.
    for (const row of rows.slice(1)) expect(row).toMatch(/,(fewer than 5)?,(fewer than 5)?,$/);
  });

  it("a lead of another organisation sees nothing of this one", async () => {
    const { org } = await handMadeOrg();
    const other = await insertOrg("Riverside");
    const cookie = await staffCookie(other.orgId, other.leadId);
    const page = await analyticsLoader({
      request: new Request("http://localhost/analytics/people", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(page.people.questions.every((q) => q.groups.every((g) => g.suppressed))).toBe(true);
    expect(JSON.stringify(page.people)).not.toContain("Ashdown");
    expect(question(page.people, "gender").overallHireRate).toBeNull();
    // And the rows themselves are invisible to it.
    const rows = await withOrg(getDb(), other.orgId, (trx) => trx.selectFrom("diversityAnswers").selectAll().execute());
    expect(rows).toEqual([]);
    expect(org.orgId).not.toBe(other.orgId);
  });

  it("keeps up when a candidate answers, changes or takes back their answers, and when a location changes", async () => {
    const { org, ids } = await handMadeOrg();
    expect(table(await load(org.orgId), "gender").at(-1)).toEqual(["not_answered", 5, FEWER, FEWER]);
    // Every application here is in the same cohort month, and any change recounts the whole month:
    // the page is loaded after each change, so each one is checked on its own (by the applications,
    // the one count these groups show; came and hired are recounted with them).
    // The five who had not answered (one hired, four only applied) answer "woman": women 13 (7 came:
    // 6 did not, so shown, but the men's 3 is hidden alone, so the women's goes with it; 3 hired).
    const answers: MonitoringAnswers = { ageBand: "25_34", gender: "woman", disability: "no", ethnicity: "white", caring: "no" };
    await withOrg(getDb(), org.orgId, async (trx) => {
      for (const id of ids.slice(16)) await saveMyMonitoring(trx, id, answers);
    });
    expect(table(await load(org.orgId), "gender")).toEqual([
      ["woman", 13, FEWER, FEWER],
      ["man", 6, FEWER, FEWER],
      ["non_binary", FEWER],
      ["another_way", FEWER],
      ["prefer_not_to_say", FEWER],
      ["not_answered", FEWER],
    ]);
    // The three in small places (all only applied) turn out to live in Brookfield: no small places
    // left, so Brookfield is shown (9: 2 came, 1 hired), and Ashdown (9 of 12 came, 3 hired).
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.updateTable("applications").set({ location: "brookfield" }).where("id", "in", ids.slice(18)).execute(),
    );
    expect(table(await load(org.orgId), "location")).toEqual([
      ["Ashdown", 12, FEWER, FEWER],
      ["Brookfield", 9, FEWER, FEWER],
    ]);
    // One of them (only applied) changes their answer to "man": women 12 (7 came, 3 hired), men 7 (3, 1).
    await withOrg(getDb(), org.orgId, (trx) => saveMyMonitoring(trx, ids[20], { ...answers, gender: "man" }));
    expect(table(await load(org.orgId), "gender").slice(0, 2)).toEqual([
      ["woman", 12, FEWER, FEWER],
      ["man", 7, FEWER, FEWER],
    ]);
    // The hired one takes their answers back: women 11 (6 came, 2 hired), and "did not answer" is 1.
    await withOrg(getDb(), org.orgId, (trx) => deleteMyMonitoring(trx, ids[16]));
    const gender = table(await load(org.orgId), "gender");
    expect(gender[0]).toEqual(["woman", 11, FEWER, FEWER]);
    expect(gender.at(-1)).toEqual(["not_answered", FEWER]);
  });

  it("no staff loader returns an individual's answers", async () => {
    const { org, ids } = await handMadeOrg();
    const cookie = await staffCookie(org.orgId, org.leadId);
    const request = (url: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
    const nonBinary = ids[14];
    const detail = await applicationLoader({
      request: request(`/pipeline/${nonBinary}`),
      params: { applicationId: nonBinary },
      context: {},
    });
    const pipeline = await pipelineLoader({ request: request("/pipeline"), params: {}, context: {} });
    for (const data of [detail, pipeline]) {
      const json = JSON.stringify(data);
      for (const word of ["ageBand", "ethnicity", "non_binary", "25_34", "35_44", "prefer_not_to_say"]) {
        expect(json).not.toContain(word);
      }
    }
    // The analytics loader has only groups (keyed by answer), never an application.
    const page = await analyticsLoader({ request: request("/analytics/people"), params: {}, context: {} });
    const people = JSON.stringify(page.people);
    for (const id of ids) expect(people).not.toContain(id);

    // Only these modules name the table: the queries (aggregates for staff, the candidate's own
    // answers for the candidate's form), the schema, the migrations (the table, and the rollup
    // that counts it) and the demo seed.
    const root = path.resolve(import.meta.dirname, "../..");
    const files = ["app", "db", "jobs", "emails"].flatMap((dir) => walk(path.join(root, dir)));
    const naming = files
      .filter((f) => /diversity_answers|diversityAnswers/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f))
      .sort();
    // (The personal-data list names the table as one of its keys; it reads it only through db/queries/people.ts.)
    expect(naming).toEqual([
      "app/domain/privacy/personal-data.server.ts",
      "db/migrations/2026_11_26_1600_create_diversity.ts",
      "db/migrations/2026_11_26_1700_people_rollup.ts",
      "db/migrations/2026_12_04_1500_personal_data.ts",
      "db/queries/people.ts",
      "db/schema.ts",
      "db/seeds/seed.ts",
    ]);
    // The People rollup holds the answers per funnel cell, and a cell can be one application: it
    // is read only by the same queries (analytics.ts names it only for the shared filter helper).
    const rollup = files
      .filter((f) => /people_monthly|peopleMonthly|people_places_monthly|peoplePlacesMonthly/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f))
      .sort();
    expect(rollup).toEqual([
      "db/migrations/2026_11_26_1700_people_rollup.ts",
      "db/migrations/2026_12_04_1500_personal_data.ts",
      "db/queries/analytics.ts",
      "db/queries/people.ts",
      "db/schema.ts",
    ]);
    // And only the candidate's own page uses the candidate's functions.
    const own = files
      .filter((f) => /findMyMonitoring|saveMyMonitoring|deleteMyMonitoring/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f))
      .sort();
    expect(own).toEqual(["app/routes/me_.monitoring.$applicationId.tsx", "db/queries/people.ts"]);
  });
});

describe("the candidate's optional questions", () => {
  it("saves, changes and deletes their own answers, and nobody else's application can be opened", async () => {
    const org = await insertOrg();
    const [mine, theirs] = await insertStories(org.orgId, [
      { vacancyId: org.vacancyId, teamId: org.teamId, source: "college", applied: 3 },
      { vacancyId: org.vacancyId, teamId: org.teamId, source: "college", applied: 2 },
    ]);
    const candidateId = await withOrg(
      ownerDb(),
      org.orgId,
      async (trx) =>
        (await trx.selectFrom("applications").select("candidateId").where("id", "=", mine).executeTakeFirstOrThrow()).candidateId,
    );
    const cookie = (await withOrg(ownerDb(), org.orgId, (trx) => startSession(trx, { candidateId }))).split(";")[0];
    const url = (id: string) => `http://localhost/me/monitoring/${id}`;
    const post = (id: string, fields: Record<string, string>) =>
      monitoringAction({
        request: new Request(url(id), { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields) }),
        params: { applicationId: id },
        context: {},
      }) as Promise<Response>;
    const answers = { ageBand: "55_64", gender: "man", disability: "yes", ethnicity: "black", caring: "prefer_not_to_say" };

    const missing = await post(mine, { ...answers, caring: "" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).fieldErrors).toEqual({ caring: expect.stringContaining("Prefer not to say") });
    expect((await post(mine, answers)).headers.get("Location")).toBe(`/me/monitoring/${mine}?saved=1`);
    const read = () =>
      monitoringLoader({ request: new Request(url(mine), { headers: { Cookie: cookie } }), params: { applicationId: mine }, context: {} });
    expect((await read()).answers).toEqual(answers);
    await post(mine, { ...answers, gender: "woman" });
    expect((await read()).answers?.gender).toBe("woman");
    await post(mine, { intent: "delete" });
    expect((await read()).answers).toBeNull();

    // Another candidate's application: not found, and nothing written.
    await expect(post(theirs, answers)).rejects.toMatchObject({ status: 404 });
    const rows = await withOrg(getDb(), org.orgId, (trx) => trx.selectFrom("diversityAnswers").selectAll().execute());
    expect(rows).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "build") return [];
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}
