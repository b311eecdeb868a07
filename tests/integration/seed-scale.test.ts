import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PIPELINE_STAGES } from "#app/domain/applications/stages.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { type SeedScaleResult, seedScale } from "../../scripts/seed-scale.js";

afterAll(closeOwnerDb);

const N = 2000;
let result: SeedScaleResult;
let other: Awaited<ReturnType<typeof insertOrg>>;
let otherBefore: Record<string, number>;

const TENANT_TABLES = [
  "regions",
  "teams",
  "team_members",
  "vacancies",
  "users",
  "candidates",
  "applications",
  "application_events",
  "survey_versions",
  "survey_responses",
  "workshops",
  "workshop_teams",
  "workshop_bookings",
  "shadow_shifts",
  "votes",
  "offers",
  "team_mix_snapshots",
];

async function countsFor(orgId: string) {
  const out: Record<string, number> = {};
  for (const table of TENANT_TABLES) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where org_id = ${orgId}`.execute(ownerDb());
    out[table] = Number(rows[0].n);
  }
  return out;
}

/** Per application: its source, stage and the stages its timeline entered, in order. */
async function timelines(orgId: string) {
  const { rows } = await sql<{ id: string; source: string; stage: string; stages: string[]; froms: (string | null)[]; ordered: boolean }>`
    select a.id, a.source, a.stage,
           array_agg(e.to_stage order by e.created_at, e.id) as stages,
           array_agg(e.from_stage order by e.created_at, e.id) as froms,
           bool_and(e.created_at >= a.created_at) and max(e.created_at) = a.stage_changed_at
             and min(e.created_at) = a.created_at
             and count(distinct e.created_at) = count(*) as ordered
    from applications a join application_events e on e.application_id = a.id and e.kind = 'stage'
    where a.org_id = ${orgId}
    group by a.id`.execute(ownerDb());
  return rows;
}

describe("npm run seed:scale", () => {
  beforeAll(async () => {
    other = await insertOrg("Untouched Care");
    otherBefore = await countsFor(other.orgId);
    result = await seedScale({ applications: N, org: "scale-test", seed: 7, databaseUrl: process.env.DATABASE_URL, log: () => {} });
  }, 120_000);

  it("creates one organisation with regions, dozens of teams, staff and N applications", async () => {
    expect(result.counts.applications).toBe(N);
    expect(result.counts.candidates).toBe(N);
    expect(result.counts.regions).toBeGreaterThanOrEqual(4);
    expect(result.counts.regions).toBeLessThanOrEqual(6);
    expect(result.counts.teams).toBeGreaterThanOrEqual(30);
    expect(result.counts.teams).toBeLessThanOrEqual(40);
    const users = await ownerDb().selectFrom("users").select(["email", "role"]).where("orgId", "=", result.orgId).orderBy("role").execute();
    expect(users).toEqual([
      { email: "coach@scale-test.test", role: "coach" },
      { email: "lead@scale-test.test", role: "lead" },
    ]);
  });

  it("every application starts with an 'applied' event, moves one step at a time in order, and ends at its stage", async () => {
    const rows = await timelines(result.orgId);
    expect(rows).toHaveLength(N);
    for (const row of rows) {
      expect(row.stages[0]).toBe("applied");
      expect(row.froms[0]).toBeNull();
      expect(row.ordered).toBe(true);
      expect(row.stages.at(-1)).toBe(row.stage);
      // Each event leaves the stage the previous one entered; pipeline stages come one step at a time.
      for (let i = 1; i < row.stages.length; i++) {
        expect(row.froms[i]).toBe(row.stages[i - 1]);
        if ((PIPELINE_STAGES as readonly string[]).includes(row.stages[i])) {
          expect(PIPELINE_STAGES.indexOf(row.stages[i] as never)).toBe(PIPELINE_STAGES.indexOf(row.stages[i - 1] as never) + 1);
        }
      }
    }
    // Declines and withdrawals always carry a reason.
    const missing = await sql<{ n: string }>`
      select count(*) as n from application_events
      where org_id = ${result.orgId} and to_stage in ('declined', 'withdrawn') and coalesce(reason, '') = ''`.execute(ownerDb());
    expect(Number(missing.rows[0].n)).toBe(0);
  });

  it("the funnel narrows at every stage, and about 1 in 5 workshop attendees is hired", async () => {
    const rows = await timelines(result.orgId);
    const reached = PIPELINE_STAGES.map((stage) => rows.filter((r) => r.stages.includes(stage)).length);
    for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThan(reached[i - 1]);
    expect(reached.at(-1)).toBeGreaterThan(0);

    const { rows: attendance } = await sql<{ attended: string; noShow: string }>`
      select count(*) filter (where attendance in ('attended', 'late')) as attended,
             count(*) filter (where attendance = 'no_show') as "noShow"
      from workshop_bookings where org_id = ${result.orgId}`.execute(ownerDb());
    const attended = Number(attendance[0].attended);
    const started = reached[PIPELINE_STAGES.indexOf("started")];
    expect(started / attended).toBeGreaterThan(0.1);
    expect(started / attended).toBeLessThan(0.35);
    const noShowRate = Number(attendance[0].noShow) / (attended + Number(attendance[0].noShow));
    expect(noShowRate).toBeGreaterThan(0.08);
    expect(noShowRate).toBeLessThan(0.25);

    // Roughly 70% of applicants finish the values survey.
    const completed = await sql<{ n: string }>`
      select count(*) as n from survey_responses where org_id = ${result.orgId} and completed_at is not null`.execute(ownerDb());
    expect(Number(completed.rows[0].n) / N).toBeGreaterThan(0.55);
    expect(Number(completed.rows[0].n) / N).toBeLessThan(0.85);
  });

  it("channels convert differently: referrals are hired more often than job-board applicants", async () => {
    const rows = await timelines(result.orgId);
    const hireRate = (source: string) => {
      const list = rows.filter((r) => r.source === source);
      return list.filter((r) => r.stage === "started").length / list.length;
    };
    expect(hireRate("referral")).toBeGreaterThan(hireRate("job_board") * 1.5);
  });

  it("offers, votes, shadow shifts and bookings exist only for applications that reached their stage", async () => {
    const rows = await timelines(result.orgId);
    const reachedStage = new Map(rows.map((r) => [r.id, new Set(r.stages)]));
    const check = async (table: "offers" | "votes" | "shadow_shifts" | "workshop_bookings", stage: string) => {
      const { rows: linked } = await sql<{ applicationId: string }>`
        select application_id as "applicationId" from ${sql.table(table)} where org_id = ${result.orgId}`.execute(ownerDb());
      expect(linked.length).toBeGreaterThan(0);
      for (const row of linked) expect(reachedStage.get(row.applicationId)?.has(stage), `${table} ${row.applicationId}`).toBe(true);
    };
    await check("offers", "offer");
    await check("votes", "vote");
    await check("shadow_shifts", "shadow");
    await check("workshop_bookings", "workshop");

    // Every started application has a started offer pointing at its new team member, joined on the start date.
    const { rows: starts } = await sql<{ ok: boolean; n: string }>`
      select bool_and(o.status = 'started' and m.id is not null and m.joined_on = o.started_on and m.team_id = o.team_id) as ok,
             count(*) as n
      from applications a
      left join offers o on o.application_id = a.id
      left join team_members m on m.id = o.member_id
      where a.org_id = ${result.orgId} and a.stage = 'started'`.execute(ownerDb());
    expect(starts[0].ok).toBe(true);
    expect(Number(starts[0].n)).toBeGreaterThan(0);
  });

  it("keeps tenancy: every row carries the new organisation's id, and another organisation is untouched", async () => {
    // Children point only at parents of the same organisation.
    const { rows } = await sql<{ n: string }>`
      select (select count(*) from applications a join candidates c on c.id = a.candidate_id where a.org_id = ${result.orgId} and c.org_id <> a.org_id)
           + (select count(*) from applications a join vacancies v on v.id = a.vacancy_id where a.org_id = ${result.orgId} and v.org_id <> a.org_id)
           + (select count(*) from application_events e join applications a on a.id = e.application_id where a.org_id = ${result.orgId} and e.org_id <> a.org_id)
           + (select count(*) from survey_responses r join applications a on a.id = r.application_id where a.org_id = ${result.orgId} and r.org_id <> a.org_id)
           + (select count(*) from workshop_bookings b join workshops w on w.id = b.workshop_id where b.org_id = ${result.orgId} and w.org_id <> b.org_id)
           + (select count(*) from offers o join applications a on a.id = o.application_id where a.org_id = ${result.orgId} and o.org_id <> a.org_id)
           + (select count(*) from team_members m join teams t on t.id = m.team_id where t.org_id = ${result.orgId} and m.org_id <> t.org_id)
           as n`.execute(ownerDb());
    expect(Number(rows[0].n)).toBe(0);
    expect(await countsFor(other.orgId)).toEqual(otherBefore);
  });

  it("running it again with the same seed replaces the organisation with the same data", async () => {
    const fingerprint = async (orgId: string) => {
      const { rows } = await sql<{ f: string }>`
        select md5(string_agg(a.id::text || a.stage || a.source || a.created_at::text, ',' order by a.id)) as f
        from applications a where a.org_id = ${orgId}`.execute(ownerDb());
      return rows[0].f;
    };
    const before = await fingerprint(result.orgId);
    const now = new Date();
    const first = await seedScale({ applications: 300, org: "scale-again", seed: 3, now, databaseUrl: process.env.DATABASE_URL, log: () => {} });
    const a = await fingerprint(first.orgId);
    const second = await seedScale({ applications: 300, org: "scale-again", seed: 3, now, databaseUrl: process.env.DATABASE_URL, log: () => {} });
    expect(await fingerprint(second.orgId)).toBe(a);
    const orgs = await ownerDb().selectFrom("organisations").select("id").where("slug", "=", "scale-again").execute();
    expect(orgs).toHaveLength(1);
    // The first organisation seeded is still there, unchanged.
    expect(await fingerprint(result.orgId)).toBe(before);
  });
});
