import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { action as applicationAction, loader as applicationLoader } from "#app/routes/pipeline.$applicationId/route.js";
import { loader as pipelineLoader } from "#app/routes/pipeline._index.js";
import { applicationInput, closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { runInOrg } from "#tests/support/run.js";
import { addMember } from "#app/domain/teams/manage-members.server.js";
import { createVacancy } from "#app/domain/vacancies/save-vacancy.server.js";
import { action as teamAction, loader as teamLoader } from "#app/routes/teams.$teamId.js";
import { action as importAction, loader as importLoader } from "#app/routes/teams.$teamId_.import.js";
import { action as memberAction, loader as memberLoader } from "#app/routes/teams.$teamId_.members.$memberId.js";
import { action as setupAction } from "#app/routes/teams.setup.js";
import { action as staffVacancyAction, loader as staffVacancyLoader } from "#app/routes/vacancies.$vacancyId.js";
import { loader as publicVacancyLoader } from "#app/routes/o.$slug.jobs.$vacancyId/route.js";

afterAll(closeOwnerDb);

const TENANT_TABLES = ["regions", "teams", "users", "vacancies", "candidates", "applications", "applicationEvents", "outbox"] as const;

async function caught(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (thrown) {
    return thrown;
  }
  throw new Error("expected the call to throw");
}

describe("tenancy", () => {
  it("the app's database role reads no tenant rows when no organisation is set", async () => {
    const org = await insertOrg();
    await runInOrg(org.orgId, (ctx) => applyToVacancy(ctx, org.vacancyId, applicationInput()));
    const db = getDb();
    const { rows } = await sql<{ rolbypassrls: boolean; current_user: string }>`
      select current_user, rolbypassrls from pg_roles where rolname = current_user`.execute(db);
    expect(rows[0]).toEqual({ currentUser: "circle_app", rolbypassrls: false });
    for (const table of TENANT_TABLES) {
      const count = await db.selectFrom(table).select(db.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
      expect({ table, n: Number(count.n) }).toEqual({ table, n: 0 });
    }
    // The same rows are there for the organisation itself.
    const own = await withOrg(db, org.orgId, (trx) => trx.selectFrom("applications").select("id").execute());
    expect(own).toHaveLength(1);
  });

  it("one organisation can neither read nor write another's rows", async () => {
    const a = await insertOrg();
    const b = await insertOrg();
    const applied = await runInOrg(a.orgId, (ctx) => applyToVacancy(ctx, a.vacancyId, applicationInput()));
    const seenByB = await withOrg(getDb(), b.orgId, (trx) =>
      trx.selectFrom("applications").select("id").where("id", "=", applied.applicationId).execute(),
    );
    expect(seenByB).toEqual([]);
    const updated = await withOrg(getDb(), b.orgId, (trx) =>
      trx.updateTable("applications").set({ stage: "offer" }).where("id", "=", applied.applicationId).executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
    await expect(
      withOrg(getDb(), b.orgId, (trx) => trx.insertInto("regions").values({ name: "Sneaky", orgId: a.orgId }).execute()),
    ).rejects.toThrow(/row-level security/);
  });

  it("a lead of another organisation cannot open or move an application, by URL or by form post", async () => {
    const oakfield = await insertOrg("Oakfield");
    const riverside = await insertOrg("Riverside");
    const applied = await runInOrg(oakfield.orgId, (ctx) =>
      applyToVacancy(ctx, oakfield.vacancyId, applicationInput({ fullName: "Private Person" })),
    );
    const riversideLead = await staffCookie(riverside.orgId, riverside.leadId);
    const url = `http://localhost/pipeline/${applied.applicationId}`;
    const params = { applicationId: applied.applicationId };

    const read = await caught(
      applicationLoader({ request: new Request(url, { headers: { Cookie: riversideLead } }), params, context: {} }),
    );
    expect((read as Response).status).toBe(404);

    const form = new URLSearchParams({ to: "survey", expectedStage: "applied" });
    const post = new Request(url, { method: "POST", body: form, headers: { Cookie: riversideLead } });
    const moved = await caught(applicationAction({ request: post, params, context: {} }));
    expect((moved as Response).status).toBe(404);

    const list = await pipelineLoader({
      request: new Request("http://localhost/pipeline", { headers: { Cookie: riversideLead } }),
      params: {},
      context: {},
    });
    expect(list.columns.flatMap((c) => c.items.map((i) => i.fullName))).not.toContain("Private Person");

    // Still untouched, and the organisation's own lead sees and can move it.
    const oakfieldLead = await staffCookie(oakfield.orgId, oakfield.leadId);
    const own = await applicationLoader({ request: new Request(url, { headers: { Cookie: oakfieldLead } }), params, context: {} });
    expect(own.application).toMatchObject({ fullName: "Private Person", stage: "applied" });
    const ok = await applicationAction({
      request: new Request(url, { method: "POST", body: form, headers: { Cookie: oakfieldLead } }),
      params,
      context: {},
    });
    expect((ok as Response).status).toBe(302);
    const after = await applicationLoader({ request: new Request(url, { headers: { Cookie: oakfieldLead } }), params, context: {} });
    expect(after.application.stage).toBe("survey");
    expect(after.events.at(-1)).toMatchObject({ fromStage: "applied", toStage: "survey", actorName: "Lee Lead" });
  });
});

describe("team members", () => {
  it("see the candidates for their own team, and not another team's", async () => {
    const org = await insertOrg();
    const { memberId, outsiderId } = await withOrg(ownerDb(), org.orgId, async (trx) => {
      const member = await trx
        .insertInto("users")
        .values({ email: `m@${org.slug}.test`, name: "Mo", role: "member", passwordHash: "x" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const outsider = await trx
        .insertInto("users")
        .values({ email: `o@${org.slug}.test`, name: "Oz", role: "member", passwordHash: "x" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const region = await trx.selectFrom("regions").select("id").executeTakeFirstOrThrow();
      const other = await trx
        .insertInto("teams")
        .values({ name: "Other", town: "Elsewhere", regionId: region.id })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("teamMembers")
        .values({ teamId: org.teamId, userId: member.id, name: "Mo", experience: "experienced", joinedOn: "2024-01-01" })
        .execute();
      await trx
        .insertInto("teamMembers")
        .values({ teamId: other.id, userId: outsider.id, name: "Oz", experience: "experienced", joinedOn: "2024-01-01" })
        .execute();
      return { memberId: member.id, outsiderId: outsider.id };
    });
    const applied = await runInOrg(org.orgId, (ctx) =>
      applyToVacancy(ctx, org.vacancyId, applicationInput({ fullName: "Team Candidate" })),
    );
    const url = `http://localhost/pipeline/${applied.applicationId}`;
    const params = { applicationId: applied.applicationId };

    const asMember = await applicationLoader({
      request: new Request(url, { headers: { Cookie: await staffCookie(org.orgId, memberId) } }),
      params,
      context: {},
    });
    expect(asMember).toMatchObject({ application: { fullName: "Team Candidate" }, canManage: false });

    const outsiderCookie = await staffCookie(org.orgId, outsiderId);
    const asOutsider = await caught(
      applicationLoader({ request: new Request(url, { headers: { Cookie: outsiderCookie } }), params, context: {} }),
    );
    expect((asOutsider as Response).status).toBe(404);
    // Members cannot move applications, even their own team's.
    const form = new URLSearchParams({ to: "survey", expectedStage: "applied" });
    const moved = await caught(
      applicationAction({
        request: new Request(url, { method: "POST", body: form, headers: { Cookie: await staffCookie(org.orgId, memberId) } }),
        params,
        context: {},
      }),
    );
    expect((moved as Response).status).toBe(403);
  });
});

describe("teams, members and vacancies", () => {
  it("another organisation's teams, members, regions and vacancies are not found, by URL or by form post", async () => {
    const oakfield = await insertOrg("Oakfield");
    const riverside = await insertOrg("Riverside");
    const actor = { userId: oakfield.leadId, name: "Lee Lead" };
    const memberId = await runInOrg(oakfield.orgId, (ctx) =>
      addMember(ctx, { teamId: oakfield.teamId, name: "Private Member", experience: "experienced", joinedOn: "2024-01-01", actor }),
    );
    const draftId = await runInOrg(oakfield.orgId, (ctx) =>
      createVacancy(ctx, {
        title: "Secret draft",
        teamId: oakfield.teamId,
        town: "Ashdown",
        postcode: "BS1 4DJ",
        hours: "20 hours",
        payFrom: "12.60",
        payTo: "",
        contractType: "part_time",
        closesOn: "2030-01-01",
        summary: "Kind",
        description: "Text",
        actor,
      }),
    );
    const regionId = await withOrg(ownerDb(), oakfield.orgId, (trx) =>
      trx.selectFrom("regions").select("id").executeTakeFirstOrThrow(),
    ).then((r) => r.id);
    const cookie = await staffCookie(riverside.orgId, riverside.leadId);
    const get = (url: string) => new Request(url, { headers: { Cookie: cookie } });
    const post = (url: string, fields: Record<string, string>) =>
      new Request(url, { method: "POST", body: new URLSearchParams(fields), headers: { Cookie: cookie } });
    const status = async (promise: Promise<unknown>) => ((await caught(promise)) as Response).status;
    const team = { teamId: oakfield.teamId };
    const member = { teamId: oakfield.teamId, memberId };
    const base = "http://localhost";
    const fields = { name: "Sneaky", email: "", experience: "experienced", joinedOn: "2024-01-01", userId: "" };

    expect(await status(teamLoader({ request: get(`${base}/teams/${oakfield.teamId}`), params: team, context: {} }))).toBe(404);
    expect(
      await status(
        teamAction({ request: post(`${base}/teams/${oakfield.teamId}`, { ...fields, intent: "add" }), params: team, context: {} }),
      ),
    ).toBe(404);
    expect(await status(importLoader({ request: get(`${base}/teams/${oakfield.teamId}/import`), params: team, context: {} }))).toBe(404);
    const csv = Buffer.from("name,experience,joined\nSneaky,new,2024-01-01\n").toString("base64");
    expect(
      await status(
        importAction({ request: post(`${base}/teams/${oakfield.teamId}/import`, { intent: "import", csv }), params: team, context: {} }),
      ),
    ).toBe(404);
    expect(
      await status(memberLoader({ request: get(`${base}/teams/${oakfield.teamId}/members/${memberId}`), params: member, context: {} })),
    ).toBe(404);
    for (const form of <Record<string, string>[]>[
      { ...fields, intent: "edit" },
      { intent: "left", leftOn: "2024-06-01", reason: "Sneaky" },
      { intent: "move", toTeamId: riverside.teamId, movedOn: "2024-06-01" },
    ])
      expect(
        await status(
          memberAction({ request: post(`${base}/teams/${oakfield.teamId}/members/${memberId}`, form), params: member, context: {} }),
        ),
      ).toBe(404);
    for (const form of <Record<string, string>[]>[
      { intent: "region-rename", id: regionId, name: "Renamed" },
      { intent: "region-archive", id: regionId },
      { intent: "team-update", id: oakfield.teamId, name: "Renamed", town: "X", regionId },
      { intent: "team-archive", id: oakfield.teamId },
    ])
      expect(await status(setupAction({ request: post(`${base}/teams/setup`, form), params: {}, context: {} }))).toBe(404);
    const vacancy = { vacancyId: draftId };
    expect(await status(staffVacancyLoader({ request: get(`${base}/vacancies/${draftId}`), params: vacancy, context: {} }))).toBe(404);
    for (const intent of ["publish", "close", "reopen"])
      expect(
        await status(staffVacancyAction({ request: post(`${base}/vacancies/${draftId}`, { intent }), params: vacancy, context: {} })),
      ).toBe(404);
    // Nor on another organisation's careers pages, and a draft is not public even on its own.
    for (const slug of [riverside.slug, oakfield.slug])
      expect(
        await status(
          publicVacancyLoader({
            request: new Request(`${base}/o/${slug}/jobs/${draftId}`),
            params: { slug, vacancyId: draftId },
            context: {},
          }),
        ),
      ).toBe(404);

    // All untouched.
    const after = await withOrg(ownerDb(), oakfield.orgId, async (trx) => ({
      member: await trx.selectFrom("teamMembers").select(["name", "teamId", "leftOn"]).where("id", "=", memberId).executeTakeFirstOrThrow(),
      members: (await trx.selectFrom("teamMembers").select("id").where("teamId", "=", oakfield.teamId).execute()).length,
      team: await trx.selectFrom("teams").select(["name", "archivedAt"]).where("id", "=", oakfield.teamId).executeTakeFirstOrThrow(),
      region: await trx.selectFrom("regions").select(["name", "archivedAt"]).where("id", "=", regionId).executeTakeFirstOrThrow(),
      vacancy: await trx.selectFrom("vacancies").select("status").where("id", "=", draftId).executeTakeFirstOrThrow(),
    }));
    expect(after).toEqual({
      member: { name: "Private Member", teamId: oakfield.teamId, leftOn: null },
      members: 1,
      team: { name: "Ashdown", archivedAt: null },
      region: { name: "North", archivedAt: null },
      vacancy: { status: "draft" },
    });
  });
});
