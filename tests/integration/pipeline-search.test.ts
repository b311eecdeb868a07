import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { withOrg } from "#db/tenant.js";
import { loader as pipelineLoader } from "#app/routes/pipeline._index.js";
import { loader as teamLoader } from "#app/routes/teams.$teamId.js";
import { moveApplication } from "#app/domain/applications/move-application.server.js";
import { runInOrg } from "#tests/support/run.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";

afterAll(closeOwnerDb);

/**
 * `count` applications straight into the database (one statement), each changed a minute before
 * the one after it: "Bulk Person 1" is the oldest. Phones are "07700 9" + the number, spaced.
 */
async function insertMany(orgId: string, vacancyId: string, count: number, tag: string) {
  await withOrg(ownerDb(), orgId, async (trx) => {
    await sql`
      with people as (
        insert into candidates (email, full_name, phone)
        select 'bulk' || i || '.' || ${tag} || '@example.com', 'Bulk Person ' || i, '07700 9' || lpad(i::text, 5, '0')
        from generate_series(1, ${count}::int) as i
        returning id, full_name
      )
      insert into applications (candidate_id, vacancy_id, experience, source, location, right_to_work, stage_changed_at)
      select id, ${vacancyId}::uuid, 'new_to_care', 'referral', 'Ashdown', true,
             now() - interval '1 minute' * (${count}::int - substring(full_name from 13)::int)
      from people`.execute(trx);
  });
}

async function insertOne(orgId: string, vacancyId: string, person: { fullName: string; email: string; phone: string }) {
  return withOrg(ownerDb(), orgId, async (trx) => {
    const candidate = await trx
      .insertInto("candidates")
      .values({ email: person.email, fullName: person.fullName, phone: person.phone })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("applications")
      .values({
        candidateId: candidate.id,
        vacancyId,
        experience: "experienced",
        source: "referral",
        location: "Ashdown",
        rightToWork: true,
        availability: [],
        adjustments: [],
        adjustmentsNote: "",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

const names = (data: Awaited<ReturnType<typeof pipelineLoader>>) => data.columns.flatMap((c) => c.items.map((i) => i.fullName));

describe("the pipeline's search and pages", () => {
  it("reaches every application a page at a time, past the first thousand, and says how many there are", async () => {
    const org = await insertOrg();
    await insertMany(org.orgId, org.vacancyId, 1003, org.slug);
    const cookie = await staffCookie(org.orgId, org.leadId);
    const view = (query: string) =>
      pipelineLoader({
        request: new Request(`http://localhost/pipeline${query}`, { headers: { Cookie: cookie } }),
        params: {},
        context: {},
      });

    const first = await view("");
    expect(first.total).toBe(1003);
    expect(first.paging).toEqual({ page: 1, pages: 21, first: 1, last: 50 });
    expect(names(first)).toHaveLength(50);
    expect(names(first)[0]).toBe("Bulk Person 1003");
    expect(first.columns.find((c) => c.stage === "applied")?.count).toBe(1003);

    const second = await view("?page=2");
    expect(second.paging).toEqual({ page: 2, pages: 21, first: 51, last: 100 });
    expect(names(second)[0]).toBe("Bulk Person 953");

    // The last page holds the oldest: the 1,001st to 1,003rd most recent were out of sight before.
    const last = await view("?page=21");
    expect(last.paging).toEqual({ page: 21, pages: 21, first: 1001, last: 1003 });
    expect(names(last)).toEqual(["Bulk Person 3", "Bulk Person 2", "Bulk Person 1"]);
    // A page past the end shows the last one; nonsense shows the first.
    expect((await view("?page=99")).paging.page).toBe(21);
    expect((await view("?page=abc")).paging.page).toBe(1);

    // A search counts only what matches, across pages.
    const some = await view("?q=Bulk+Person+10");
    expect(some.total).toBe(1 + 10 + 4); // 10, 100-109, 1000-1003
    expect(names(some)).toContain("Bulk Person 1000");
  });

  it("finds by name, email or phone (spaces ignored), and never another organisation's applications", async () => {
    const org = await insertOrg();
    const other = await insertOrg();
    await insertOne(org.orgId, org.vacancyId, { fullName: "Zelda Quarmby", email: "zq.findme@example.com", phone: "07700 900123" });
    await insertOne(org.orgId, org.vacancyId, { fullName: "Yusuf Oyelaran", email: "yusuf@example.com", phone: "+44 7700 900456" });
    await insertOne(org.orgId, org.vacancyId, { fullName: "100% Percent_Name", email: "pct@example.com", phone: "01632 960000" });
    await insertOne(other.orgId, other.vacancyId, { fullName: "Zelda Quarmby", email: "zq.other@example.com", phone: "07700 900123" });
    const cookie = await staffCookie(org.orgId, org.leadId);
    const search = (q: string, extra = "") =>
      pipelineLoader({
        request: new Request(`http://localhost/pipeline?q=${encodeURIComponent(q)}${extra}`, { headers: { Cookie: cookie } }),
        params: {},
        context: {},
      });

    expect(names(await search("quarmby"))).toEqual(["Zelda Quarmby"]);
    expect((await search("quarmby")).total).toBe(1);
    expect(names(await search("ZQ.FINDME@"))).toEqual(["Zelda Quarmby"]);
    expect(names(await search("07700900123"))).toEqual(["Zelda Quarmby"]);
    expect(names(await search(" 0770 0900 123 "))).toEqual(["Zelda Quarmby"]);
    expect(names(await search("7700 900 456"))).toEqual(["Yusuf Oyelaran"]);
    // Wildcards are searched for as themselves.
    expect(names(await search("0% p"))).toEqual(["100% Percent_Name"]);
    expect(names(await search("t_n"))).toEqual(["100% Percent_Name"]);
    expect((await search("%")).total).toBe(1);
    const none = await search("nobody-like-this");
    expect(none.total).toBe(0);
    expect(none.paging).toEqual({ page: 1, pages: 1, first: 0, last: 0 });

    // Combined with a filter: another team's filter finds nothing.
    const region = await withOrg(ownerDb(), org.orgId, (trx) => trx.selectFrom("regions").select("id").executeTakeFirstOrThrow());
    const otherTeam = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .insertInto("teams")
        .values({ name: "Elsewhere", town: "Elsewhere", regionId: region.id })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    expect((await search("quarmby", `&team=${org.teamId}`)).total).toBe(1);
    expect((await search("quarmby", `&team=${otherTeam.id}`)).total).toBe(0);

    // The other organisation's lead finds only their own Zelda.
    const otherCookie = await staffCookie(other.orgId, other.leadId);
    const theirs = await pipelineLoader({
      request: new Request("http://localhost/pipeline?q=900123", { headers: { Cookie: otherCookie } }),
      params: {},
      context: {},
    });
    expect(theirs.total).toBe(1);
    expect(theirs.columns.flatMap((c) => c.items.map((i) => i.id))).toHaveLength(1);
    expect(JSON.stringify(theirs)).not.toContain("Yusuf");
  });
});

describe("the team page's people in progress", () => {
  it("lists the 50 most recently moved of everyone in progress, however many newer applications are not, and links to the rest", async () => {
    const org = await insertOrg();
    const other = await insertOrg();
    // 52 people in progress (moved to the survey the way a lead does), then made a day old.
    await insertMany(org.orgId, org.vacancyId, 52, `${org.slug}-a`);
    const ids = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("applications").select("id").where("vacancyId", "=", org.vacancyId).execute(),
    );
    for (const { id } of ids) {
      await runInOrg(org.orgId, (ctx) =>
        moveApplication(ctx, { applicationId: id, to: "survey", actor: { userId: org.leadId, name: "Lee Lead" } }),
      );
    }
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("applications")
        .set({ stageChangedAt: sql`now() - interval '1 day'` })
        .where("vacancyId", "=", org.vacancyId)
        .execute(),
    );
    // A newer thousand who have only applied (not in progress), and another organisation's people in progress.
    await insertMany(org.orgId, org.vacancyId, 1003, `${org.slug}-b`);
    await insertMany(other.orgId, other.vacancyId, 3, other.slug);
    const cookie = await staffCookie(org.orgId, org.leadId);
    const page = await teamLoader({
      request: new Request(`http://localhost/teams/${org.teamId}`, { headers: { Cookie: cookie } }),
      params: { teamId: org.teamId },
      context: {},
    });

    expect(page.candidatesTotal).toBe(52);
    expect(page.candidates).toHaveLength(50);
    expect(new Set(page.candidates.map((c) => c.stage))).toEqual(new Set(["survey"]));
    expect(page.candidates.every((c) => ids.some((i) => i.id === c.id))).toBe(true);
  });
});
