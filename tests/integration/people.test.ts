import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { peopleCsv } from "#app/domain/analytics/csv.js";
import { defaultFilters } from "#app/domain/analytics/filters.js";
import { loadPeople, type People } from "#app/domain/analytics/people.server.js";
import type { MonitoringAnswers } from "#app/domain/diversity/monitoring.js";
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
type Person = { gender: MonitoringAnswers["gender"] | null; outcome: Outcome; caring?: MonitoringAnswers["caring"] };

/**
 * 21 applications, worked out by hand:
 *   gender      woman 8 (6 came to a workshop, 2 hired), man 6 (3, 1), non-binary 2 (1, 0),
 *               another way 0, prefer not to say 0, not answered 5 (1, 1). Overall 4 hired of 21.
 *   caring      yes 3, no 7, prefer not to say 6, not answered 5: exactly one group under 5 (yes),
 *               so the next-smallest (not answered, 5) is suppressed too.
 *   age         25 to 34: the women and non-binary people (10); 35 to 44: the men (6).
 *   location    12 "Ashdown" (written four ways), 6 "Brookfield", 2 "elmford" and 1 "Oxley": the
 *               two small places merge into one suppressed group, so Brookfield is suppressed too.
 *   channel     the women came through a referral, everyone else a job website.
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
    location: PLACES[index],
    diversity: p.gender
      ? {
          gender: p.gender,
          caring: p.caring ?? "no",
          ageBand: p.gender === "man" ? "35_44" : "25_34",
          ethnicity: p.gender === "man" ? "asian" : "white",
          disability: "no",
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

async function handMadeOrg() {
  const org = await insertOrg();
  const ids = await insertStories(
    org.orgId,
    PEOPLE.map((p, i) => story(org, p, i)),
  );
  return { org, ids };
}

const load = (orgId: string, filters = {}) => loadPeople((work) => withOrg(getDb(), orgId, work), { ...defaultFilters(), ...filters });
const question = (p: People, key: string) => {
  const found = p.questions.find((q) => q.key === key);
  if (!found) throw new Error(`no question ${key}`);
  return found;
};
/** Each group as [label, applications, attended, hired] or [label, "fewer than 5"]. */
const table = (p: People, key: string) =>
  question(p, key).groups.map((g) => (g.suppressed ? [g.key, "fewer than 5"] : [g.key, g.applications, g.attended, g.hired]));

describe("the People section of the funnel dashboard", () => {
  it("counts applications, workshop attendance and hires per group exactly, and names the hotspot", async () => {
    const { org } = await handMadeOrg();
    const p = await load(org.orgId);
    expect(table(p, "gender")).toEqual([
      ["woman", 8, 6, 2],
      ["man", 6, 3, 1],
      ["non_binary", "fewer than 5"],
      ["another_way", "fewer than 5"],
      ["prefer_not_to_say", "fewer than 5"],
      ["not_answered", 5, 1, 1],
    ]);
    const gender = question(p, "gender");
    expect(gender.overallHireRate).toBeCloseTo(4 / 21);
    // Men: 1 in 6 (16.7%) against 19% overall; women are above it, "not answered" is not a group.
    expect(gender.hotspot).toEqual({ key: "man", label: "Man", hireRate: 1 / 6 });
    expect(table(p, "ageBand")).toEqual([
      ["16_24", "fewer than 5"],
      ["25_34", 10, 7, 2],
      ["35_44", 6, 3, 1],
      ["45_54", "fewer than 5"],
      ["55_64", "fewer than 5"],
      ["65_plus", "fewer than 5"],
      ["prefer_not_to_say", "fewer than 5"],
      ["not_answered", 5, 1, 1],
    ]);
    expect(table(p, "disability")).toEqual([
      ["yes", "fewer than 5"],
      ["no", 16, 10, 3],
      ["prefer_not_to_say", "fewer than 5"],
      ["not_answered", 5, 1, 1],
    ]);
  });

  it("suppresses groups under 5, and the next-smallest when only one would be suppressed", async () => {
    const { org } = await handMadeOrg();
    const p = await load(org.orgId);
    // Caring: yes is 3 (suppressed); then "not answered" (5) could be worked out by subtraction.
    expect(table(p, "caring")).toEqual([
      ["yes", "fewer than 5"],
      ["no", 7, 7, 3],
      ["prefer_not_to_say", 6, 2, 0],
      ["not_answered", "fewer than 5"],
    ]);
    // Location: trimmed, first letter upper-case; the small places are one suppressed group (not
    // named), and Brookfield (6), the next-smallest, is suppressed with it.
    expect(table(p, "location")).toEqual([
      ["Ashdown", 12, 9, 3],
      ["Brookfield", "fewer than 5"],
      ["other_places", "fewer than 5"],
    ]);
    const json = JSON.stringify(p);
    expect(json).not.toMatch(/elmford|Oxley/i);
    // Suppressed groups carry no numbers at all.
    for (const q of p.questions)
      for (const g of q.groups) if (g.suppressed) expect(Object.keys(g).sort()).toEqual(["key", "label", "suppressed"]);
  });

  it("applies the dashboard's filters", async () => {
    const { org } = await handMadeOrg();
    const referrals = await load(org.orgId, { source: "referral" });
    expect(table(referrals, "gender")).toEqual([
      ["woman", 8, 6, 2],
      ["man", "fewer than 5"],
      ["non_binary", "fewer than 5"],
      ["another_way", "fewer than 5"],
      ["prefer_not_to_say", "fewer than 5"],
      ["not_answered", "fewer than 5"],
    ]);
    const men = await load(org.orgId, { source: "job_board", experience: "new_to_care", teamId: org.teamId });
    expect(table(men, "gender").slice(0, 2)).toEqual([
      ["woman", "fewer than 5"],
      ["man", 6, 3, 1],
    ]);
    const longAgo = await load(org.orgId, { from: "2020-01", to: "2020-12" });
    expect(longAgo.questions.every((q) => q.groups.every((g) => g.suppressed))).toBe(true);
  });

  it("the CSV has the page's numbers and none of the suppressed ones", async () => {
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
    expect(rows).toContain("Gender,Woman,8,6,2,0.25");
    expect(rows).toContain("Gender,Non-binary,fewer than 5,,,");
    expect(rows).toContain("Caring responsibilities,Did not answer the monitoring questions,fewer than 5,,,");
    expect(rows).toContain("Location,Brookfield,fewer than 5,,,");
    expect(csv).not.toMatch(/elmford|Oxley/i);
    // The caring "yes" group (3 people) and "not answered" (5, suppressed with it): no numbers written.
    expect(rows.filter((r) => r.startsWith("Caring responsibilities,")).map((r) => r.split(",").slice(2).join(","))).toEqual([
      "fewer than 5,,,",
      "7,7,3,0.4286",
      "6,2,0,0",
      "fewer than 5,,,",
    ]);
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
    expect(table(await load(org.orgId), "gender").at(-1)).toEqual(["not_answered", 5, 1, 1]);
    // Every application here is in the same cohort month, and any change recounts the whole month:
    // the page is loaded after each change, so each one is checked on its own.
    // The five who had not answered (one hired, four only applied) answer "woman".
    const answers: MonitoringAnswers = { ageBand: "25_34", gender: "woman", disability: "no", ethnicity: "white", caring: "no" };
    await withOrg(getDb(), org.orgId, async (trx) => {
      for (const id of ids.slice(16)) await saveMyMonitoring(trx, id, answers);
    });
    expect(table(await load(org.orgId), "gender")).toEqual([
      ["woman", 13, 7, 3],
      ["man", 6, 3, 1],
      ["non_binary", "fewer than 5"],
      ["another_way", "fewer than 5"],
      ["prefer_not_to_say", "fewer than 5"],
      ["not_answered", "fewer than 5"],
    ]);
    // The three in small places (all only applied) turn out to live in Brookfield.
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.updateTable("applications").set({ location: "brookfield" }).where("id", "in", ids.slice(18)).execute(),
    );
    expect(table(await load(org.orgId), "location")).toEqual([
      ["Ashdown", 12, 9, 3],
      ["Brookfield", 9, 2, 1],
    ]);
    // One of them (only applied) changes their answer to "man".
    await withOrg(getDb(), org.orgId, (trx) => saveMyMonitoring(trx, ids[20], { ...answers, gender: "man" }));
    expect(table(await load(org.orgId), "gender").slice(0, 2)).toEqual([
      ["woman", 12, 7, 3],
      ["man", 7, 3, 1],
    ]);
    // The hired one takes their answers back.
    await withOrg(getDb(), org.orgId, (trx) => deleteMyMonitoring(trx, ids[16]));
    expect(table(await load(org.orgId), "gender")[0]).toEqual(["woman", 11, 6, 2]);
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
    expect(naming).toEqual([
      "db/migrations/2026_11_26_1600_create_diversity.ts",
      "db/migrations/2026_11_26_1700_people_rollup.ts",
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
