import { caught } from "#tests/support/caught.js";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { applyToVacancy } from "#app/domain/applications/apply-to-vacancy.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { action as applicationAction, loader as applicationLoader } from "#app/routes/pipeline.$applicationId/route.js";
import { loader as pipelineLoader } from "#app/routes/pipeline._index.js";
import { action as homeAction } from "#app/routes/home.js";
import { insertHost, insertShadowApplications } from "#tests/factories/shadow.js";
import { action as staffAction } from "#app/routes/settings.staff.js";
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
import { createExercise } from "#app/domain/workshops/exercises.server.js";
import { action as exerciseAction, loader as exerciseLoader } from "#app/routes/workshops.exercises.$exerciseId.js";
import { action as exerciseEditAction, loader as exerciseEditLoader } from "#app/routes/workshops.exercises.$exerciseId_.edit.js";

afterAll(closeOwnerDb);

const TENANT_TABLES = ["regions", "teams", "users", "vacancies", "candidates", "applications", "applicationEvents", "outbox"] as const;

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

  it("a member of another organisation or another team cannot reach a vote from their home page, by form post", async () => {
    const oakfield = await insertOrg("Oakfield");
    const riverside = await insertOrg("Riverside");
    const voter = await insertHost(oakfield.orgId, oakfield.teamId, "Vi Voter");
    const [application] = await insertShadowApplications(oakfield.orgId, oakfield.vacancyId, 1);
    const voteId = await withOrg(ownerDb(), oakfield.orgId, async (trx) => {
      const vote = await trx
        .insertInto("votes")
        .values({
          applicationId: application.applicationId,
          teamId: oakfield.teamId,
          rule: "consent",
          quorum: "half",
          closesAt: new Date(Date.now() + 86_400_000),
          visibility: "secret",
          openedByName: "Lee Lead",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("voteVoters").values({ voteId: vote.id, teamMemberId: voter.memberId }).execute();
      return vote.id;
    });
    const open = (cookie: string) =>
      homeAction({
        request: new Request("http://localhost/home", {
          method: "POST",
          body: new URLSearchParams({ voteId }),
          headers: { Cookie: cookie },
        }),
        params: {},
        context: {},
      });
    const stranger = await insertHost(riverside.orgId, riverside.teamId, "Sid Stranger");
    expect(((await caught(open(await staffCookie(riverside.orgId, stranger.userId)))) as Response).status).toBe(404);
    // The organisation's own lead is not on the roll either: a vote is the team's.
    expect(((await caught(open(await staffCookie(oakfield.orgId, oakfield.leadId)))) as Response).status).toBe(404);
    const own = (await open(await staffCookie(oakfield.orgId, voter.userId))) as Response;
    expect(own.headers.get("Location")).toMatch(/^\/vote\//);
  });

  it("an admin of another organisation cannot change, deactivate or touch the invitations of this one's staff", async () => {
    const oakfield = await insertOrg("Oakfield");
    const riverside = await insertOrg("Riverside");
    const riversideAdmin = await withOrg(ownerDb(), riverside.orgId, (trx) =>
      trx
        .insertInto("users")
        .values({ email: `admin@${riverside.slug}.test`, name: "Ria Admin", role: "admin", passwordHash: "unused" })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    const invitation = await withOrg(ownerDb(), oakfield.orgId, (trx) =>
      trx
        .insertInto("staffInvitations")
        .values({ email: "invited@example.test", role: "coach", expiresAt: new Date(Date.now() + 86_400_000) })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    const cookie = await staffCookie(riverside.orgId, riversideAdmin.id);
    const forms: Record<string, string>[] = [
      { intent: "role", userId: oakfield.leadId, role: "admin" },
      { intent: "deactivate", userId: oakfield.leadId },
      { intent: "resend", invitationId: invitation.id },
      { intent: "withdraw", invitationId: invitation.id },
    ];
    for (const fields of forms) {
      const request = new Request("http://localhost/settings/staff", {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { Cookie: cookie },
      });
      const answer = await caught(staffAction({ request, params: {}, context: {} }));
      expect({ fields, status: (answer as Response).status }).toEqual({ fields, status: 404 });
    }
    const lead = await withOrg(getDb(), oakfield.orgId, (trx) =>
      trx.selectFrom("users").select(["role", "deactivatedAt"]).where("id", "=", oakfield.leadId).executeTakeFirstOrThrow(),
    );
    expect(lead).toEqual({ role: "lead", deactivatedAt: null });
    const open = await withOrg(getDb(), oakfield.orgId, (trx) =>
      trx.selectFrom("staffInvitations").select("withdrawnAt").executeTakeFirstOrThrow(),
    );
    expect(open.withdrawnAt).toBeNull();
  });
});

describe("former colleagues' data", () => {
  it("another organisation's admin gets 404 for a former member's data, export and erasure, by URL and by form post", async () => {
    const { loader, action } = await import("#app/routes/settings.former-colleagues.$kind.$id.js");
    const { loader: jsonLoader } = await import("#app/routes/settings.former-colleagues.$kind.$id[.]json.js");
    const oakfield = await insertOrg("Oakfield");
    const riverside = await insertOrg("Riverside");
    const member = await withOrg(ownerDb(), oakfield.orgId, (trx) =>
      trx
        .insertInto("teamMembers")
        .values({ teamId: oakfield.teamId, name: "Gone Person", experience: "experienced", joinedOn: "2024-01-01", leftOn: "2025-01-01" })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    const riversideAdmin = await withOrg(ownerDb(), riverside.orgId, async (trx) => {
      await trx.updateTable("users").set({ role: "admin" }).where("id", "=", riverside.leadId).execute();
      return riverside.leadId;
    });
    const cookie = await staffCookie(riverside.orgId, riversideAdmin);
    const params = { kind: "member", id: member.id };
    const url = `http://localhost/settings/former-colleagues/member/${member.id}`;
    const status = async (promise: Promise<unknown>) => ((await caught(promise)) as Response).status;
    expect(await status(loader({ request: new Request(url, { headers: { Cookie: cookie } }), params, context: {} }))).toBe(404);
    expect(await status(jsonLoader({ request: new Request(`${url}.json`, { headers: { Cookie: cookie } }), params, context: {} }))).toBe(
      404,
    );
    const body = new URLSearchParams({ reason: "Asked", understood: "yes" });
    expect(
      await status(action({ request: new Request(url, { method: "POST", body, headers: { Cookie: cookie } }), params, context: {} })),
    ).toBe(404);
    const row = await withOrg(ownerDb(), oakfield.orgId, (trx) =>
      trx.selectFrom("teamMembers").select(["name", "erasedAt"]).where("id", "=", member.id).executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ name: "Gone Person", erasedAt: null });
  });
});

describe("personal data pages", () => {
  it("another organisation's lead and candidate get 404 for an application's personal data, export, erasure, withdrawal and adjustments, by URL and by form post", async () => {
    const { loader: dataLoader, action: dataAction } = await import("#app/routes/pipeline.$applicationId_.personal-data.js");
    const { loader: jsonLoader } = await import("#app/routes/pipeline.$applicationId_.personal-data[.]json.js");
    const { loader: withdrawLoader, action: withdrawAction } = await import("#app/routes/me_.withdraw.$applicationId.js");
    const { candidateCookie } = await import("#tests/factories/shadow.js");
    const oakfield = await insertOrg("Oakfield");
    const riverside = await insertOrg("Riverside");
    const applied = await runInOrg(oakfield.orgId, (ctx) =>
      applyToVacancy(ctx, oakfield.vacancyId, applicationInput({ fullName: "Private Person" })),
    );
    const theirs = await runInOrg(riverside.orgId, (ctx) => applyToVacancy(ctx, riverside.vacancyId, applicationInput()));
    const riversideLead = await staffCookie(riverside.orgId, riverside.leadId);
    const theirCandidate = await withOrg(ownerDb(), riverside.orgId, (trx) =>
      trx.selectFrom("applications").select("candidateId").where("id", "=", theirs.applicationId).executeTakeFirstOrThrow(),
    );
    const riversideCandidate = await candidateCookie(riverside.orgId, theirCandidate.candidateId);
    const params = { applicationId: applied.applicationId };
    const url = `http://localhost/pipeline/${applied.applicationId}/personal-data`;
    const status = async (promise: Promise<unknown>) => ((await caught(promise)) as Response).status;

    expect(await status(dataLoader({ request: new Request(url, { headers: { Cookie: riversideLead } }), params, context: {} }))).toBe(404);
    expect(
      await status(jsonLoader({ request: new Request(`${url}.json`, { headers: { Cookie: riversideLead } }), params, context: {} })),
    ).toBe(404);
    for (const intent of ["erase", "hold"]) {
      const body = new URLSearchParams({ intent, reason: "Asked by email" });
      expect(
        await status(
          dataAction({ request: new Request(url, { method: "POST", body, headers: { Cookie: riversideLead } }), params, context: {} }),
        ),
      ).toBe(404);
    }
    const withdrawUrl = `http://localhost/me/withdraw/${applied.applicationId}`;
    expect(
      await status(withdrawLoader({ request: new Request(withdrawUrl, { headers: { Cookie: riversideCandidate } }), params, context: {} })),
    ).toBe(404);
    const post = new Request(withdrawUrl, {
      method: "POST",
      body: new URLSearchParams({ reason: "" }),
      headers: { Cookie: riversideCandidate },
    });
    expect(await status(withdrawAction({ request: post, params, context: {} }))).toBe(404);
    const { loader: shiftCalendarLoader } = await import("#app/routes/me_.shadow.$applicationId.calendar[.]ics.js");
    expect(
      await status(
        shiftCalendarLoader({
          request: new Request(`http://localhost/me/shadow/${applied.applicationId}/calendar.ics`, {
            headers: { Cookie: riversideCandidate },
          }),
          params,
          context: {},
        }),
      ),
    ).toBe(404);
    const { loader: adjustmentsLoader, action: adjustmentsAction } = await import("#app/routes/me_.adjustments.$applicationId.js");
    const adjustmentsUrl = `http://localhost/me/adjustments/${applied.applicationId}`;
    expect(
      await status(
        adjustmentsLoader({ request: new Request(adjustmentsUrl, { headers: { Cookie: riversideCandidate } }), params, context: {} }),
      ),
    ).toBe(404);
    const adjustmentsPost = new Request(adjustmentsUrl, {
      method: "POST",
      body: new URLSearchParams({ adjustmentsNote: "Not mine to change" }),
      headers: { Cookie: riversideCandidate },
    });
    expect(await status(adjustmentsAction({ request: adjustmentsPost, params, context: {} }))).toBe(404);

    // Untouched: the person is still there, not erased, not on hold, not withdrawn.
    const row = await withOrg(ownerDb(), oakfield.orgId, (trx) =>
      trx
        .selectFrom("applications")
        .innerJoin("candidates", "candidates.id", "applications.candidateId")
        .select(["applications.stage", "candidates.fullName", "candidates.erasedAt", "candidates.legalHoldAt"])
        .where("applications.id", "=", applied.applicationId)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ stage: "applied", fullName: "Private Person", erasedAt: null, legalHoldAt: null });
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

describe("scenario exercises", () => {
  it("another organisation's exercise is not found, by URL or by form post, and stays as it was", async () => {
    const oakfield = await insertOrg("Oakfield");
    const riverside = await insertOrg("Riverside");
    const exerciseId = await runInOrg(oakfield.orgId, (ctx) =>
      createExercise(
        ctx,
        { userId: oakfield.leadId, name: "Lee Lead" },
        {
          title: "Private exercise",
          brief: "Only Oakfield's",
          criteria: [{ key: "c1", criterion: "Listens", value: "compassion", levels: { "1": "a", "2": "b", "3": "c", "4": "d" } }],
        },
      ),
    );
    const cookie = await staffCookie(riverside.orgId, riverside.leadId);
    const base = "http://localhost/workshops/exercises";
    const get = (url: string) => new Request(url, { headers: { Cookie: cookie } });
    const status = async (promise: Promise<unknown>) => ((await caught(promise)) as Response).status;
    const params = { exerciseId };
    expect(await status(exerciseLoader({ request: get(`${base}/${exerciseId}`), params, context: {} }))).toBe(404);
    expect(await status(exerciseEditLoader({ request: get(`${base}/${exerciseId}/edit`), params, context: {} }))).toBe(404);
    for (const intent of ["save", "add", "remove:c1"]) {
      const body = new URLSearchParams({
        intent,
        title: "Taken over",
        brief: "Mine now",
        criteria: "c1",
        "c1.name": "X",
        "c1.value": "compassion",
      });
      for (const level of ["1", "2", "3", "4"]) body.set(`c1.level${level}`, "x");
      const request = new Request(`${base}/${exerciseId}/edit`, { method: "POST", body, headers: { Cookie: cookie } });
      expect(await status(exerciseEditAction({ request, params, context: {} }))).toBe(404);
    }
    for (const intent of ["archive", "restore"]) {
      const request = new Request(`${base}/${exerciseId}`, {
        method: "POST",
        body: new URLSearchParams({ intent }),
        headers: { Cookie: cookie },
      });
      expect(await status(exerciseAction({ request, params, context: {} }))).toBe(404);
    }
    const after = await withOrg(ownerDb(), oakfield.orgId, (trx) =>
      trx.selectFrom("scenarioExerciseVersions").select(["version", "title"]).where("exerciseId", "=", exerciseId).execute(),
    );
    expect(after).toEqual([{ version: 1, title: "Private exercise" }]);
    const exercise = await withOrg(ownerDb(), oakfield.orgId, (trx) =>
      trx.selectFrom("scenarioExercises").select("archivedAt").where("id", "=", exerciseId).executeTakeFirstOrThrow(),
    );
    expect(exercise.archivedAt).toBeNull();
  });
});
