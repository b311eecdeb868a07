import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { londonDay } from "#app/domain/london-day.js";
import { createRegion } from "#app/domain/teams/create-region.server.js";
import { addMember, moveMember, recordMemberLeft } from "#app/domain/teams/manage-members.server.js";
import { importRoster, previewRoster } from "#app/domain/teams/roster.server.js";
import { archiveTeam, createTeam, updateTeam } from "#app/domain/teams/save-team.server.js";
import { archiveRegion, renameRegion } from "#app/domain/teams/update-region.server.js";
import { changeVacancyStatus } from "#app/domain/vacancies/change-vacancy-status.server.js";
import { createVacancy, updateVacancy } from "#app/domain/vacancies/save-vacancy.server.js";
import type { VacancyInput } from "#app/domain/vacancies/vacancy.schema.js";
import { loader as careersLoader } from "#app/routes/o.$slug.jobs._index.js";
import { loader as vacancyPageLoader } from "#app/routes/o.$slug.jobs.$vacancyId/route.js";
import { loader as feedLoader } from "#app/routes/o.$slug.jobs[.]xml.js";
import { getDb } from "#db/client.js";
import { listAuditEntries } from "#db/queries/audit.js";
import { countTeamMix, listMemberships } from "#db/queries/teams.js";
import { withOrg } from "#db/tenant.js";
import { CLOSE_VACANCIES_JOB, closeVacanciesProcessor } from "#jobs/processors/close-vacancies.js";
import { SCHEDULERS } from "#jobs/schedulers.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

const lead = (org: { leadId: string }) => ({ userId: org.leadId, name: "Lee Lead" });
const read = <T>(orgId: string, work: Parameters<typeof withOrg<T>>[2]) => withOrg(getDb(), orgId, work);
const audit = (orgId: string, kind: "team" | "member" | "vacancy", subjectId?: string) =>
  read(orgId, (trx) => listAuditEntries(trx, { kind, subjectId }, { limit: 50 }));
const inDays = (days: number) => londonDay(new Date(Date.now() + days * 86_400_000));

/** An organisation whose first admin has confirmed their email (sign-up's job): it may publish. */
async function confirmedOrg(name?: string) {
  const org = await insertOrg(name);
  await ownerDb().updateTable("organisations").set({ confirmedAt: new Date() }).where("id", "=", org.orgId).execute();
  return org;
}

async function caught(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (thrown) {
    return thrown;
  }
  throw new Error("expected the call to throw");
}

describe("regions and teams", () => {
  it("are created, renamed and archived by a lead, each change on the audit log; names are unique and a team with members cannot be archived", async () => {
    const org = await insertOrg();
    const regionId = await runInOrg(org.orgId, (ctx) => createRegion(ctx, { name: "Coast", actor: lead(org) }));
    await expect(runInOrg(org.orgId, (ctx) => createRegion(ctx, { name: "coast", actor: lead(org) }))).rejects.toMatchObject({
      code: "duplicate",
      field: "name",
    });
    await runInOrg(org.orgId, (ctx) => renameRegion(ctx, { regionId, name: "Seaside", actor: lead(org) }));
    const teamId = await runInOrg(org.orgId, (ctx) => createTeam(ctx, { name: "Harbour", town: "Portishead", regionId, actor: lead(org) }));
    await runInOrg(org.orgId, (ctx) => updateTeam(ctx, { teamId, name: "Harbour", town: "Clevedon", regionId, actor: lead(org) }));
    await expect(runInOrg(org.orgId, (ctx) => archiveRegion(ctx, { regionId, actor: lead(org) }))).rejects.toThrow(
      /still has 1 active team/,
    );
    await runInOrg(org.orgId, (ctx) =>
      addMember(ctx, { teamId, name: "Mo Member", experience: "experienced", joinedOn: "2025-01-06", actor: lead(org) }),
    );
    await expect(runInOrg(org.orgId, (ctx) => archiveTeam(ctx, { teamId, actor: lead(org) }))).rejects.toThrow(/still has 1 member/);

    const empty = await runInOrg(org.orgId, (ctx) => createTeam(ctx, { name: "Quay", town: "Portishead", regionId, actor: lead(org) }));
    await runInOrg(org.orgId, (ctx) => archiveTeam(ctx, { teamId: empty, actor: lead(org) }));
    const archived = await read(org.orgId, (trx) =>
      trx.selectFrom("teams").select("archivedAt").where("id", "=", empty).executeTakeFirstOrThrow(),
    );
    expect(archived.archivedAt).not.toBeNull();

    const entries = await audit(org.orgId, "team");
    expect(entries.map((e) => e.action).reverse()).toEqual([
      "region.create",
      "region.rename",
      "team.create",
      "team.update",
      "team.create",
      "team.archive",
    ]);
    expect(entries.find((e) => e.action === "team.update")).toMatchObject({ before: { town: "Portishead" }, after: { town: "Clevedon" } });
  });
});

describe("team members", () => {
  it("move to another team as the same person with their history kept, and both teams' mix follows", async () => {
    const org = await insertOrg();
    const regionId = await read(org.orgId, (trx) =>
      trx
        .selectFrom("regions")
        .select("id")
        .executeTakeFirstOrThrow()
        .then((r) => r.id),
    );
    const other = await runInOrg(org.orgId, (ctx) => createTeam(ctx, { name: "Brook", town: "Ashdown", regionId, actor: lead(org) }));
    const memberId = await runInOrg(org.orgId, (ctx) =>
      addMember(ctx, {
        teamId: org.teamId,
        name: "Sam Carer",
        email: "sam@example.com",
        experience: "experienced",
        joinedOn: "2024-05-01",
        actor: lead(org),
      }),
    );
    expect(await read(org.orgId, (trx) => countTeamMix(trx, org.teamId))).toEqual({ size: 1, experienced: 1 });

    await runInOrg(org.orgId, (ctx) =>
      moveMember(ctx, { teamId: org.teamId, memberId, toTeamId: other, movedOn: "2025-02-03", actor: lead(org) }),
    );
    expect(await read(org.orgId, (trx) => countTeamMix(trx, org.teamId))).toEqual({ size: 0, experienced: 0 });
    expect(await read(org.orgId, (trx) => countTeamMix(trx, other))).toEqual({ size: 1, experienced: 1 });
    const history = await read(org.orgId, (trx) => listMemberships(trx, memberId));
    expect(history).toEqual([
      { teamId: org.teamId, teamName: "Ashdown", fromOn: "2024-05-01", toOn: "2025-02-03" },
      { teamId: other, teamName: "Brook", fromOn: "2025-02-03", toOn: null },
    ]);
    // Still one person: not counted as having left (the early-leaver figures read left_on).
    const row = await read(org.orgId, (trx) =>
      trx.selectFrom("teamMembers").select(["teamId", "leftOn"]).where("id", "=", memberId).executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ teamId: other, leftOn: null });

    await runInOrg(org.orgId, (ctx) =>
      recordMemberLeft(ctx, { teamId: other, memberId, leftOn: "2025-06-30", reason: "Moved away", actor: lead(org) }),
    );
    expect(await read(org.orgId, (trx) => countTeamMix(trx, other))).toEqual({ size: 0, experienced: 0 });
    const left = await read(org.orgId, (trx) =>
      trx.selectFrom("teamMembers").select(["leftOn", "leftReason"]).where("id", "=", memberId).executeTakeFirstOrThrow(),
    );
    expect(left).toEqual({ leftOn: "2025-06-30", leftReason: "Moved away" });

    const entries = await audit(org.orgId, "member", memberId);
    expect(entries.map((e) => e.action).reverse()).toEqual(["member.add", "member.move", "member.left"]);
    expect(JSON.stringify(entries)).not.toContain("sam@example.com");
  });

  it("cannot be moved to, or left from, a team they are not in", async () => {
    const org = await insertOrg();
    const memberId = await runInOrg(org.orgId, (ctx) =>
      addMember(ctx, { teamId: org.teamId, name: "Ola", experience: "new_to_care", joinedOn: "2025-01-01", actor: lead(org) }),
    );
    await expect(
      runInOrg(org.orgId, (ctx) =>
        moveMember(ctx, { teamId: org.teamId, memberId, toTeamId: org.teamId, movedOn: "2025-02-01", actor: lead(org) }),
      ),
    ).rejects.toMatchObject({ field: "toTeamId" });
    await expect(
      runInOrg(org.orgId, (ctx) =>
        recordMemberLeft(ctx, { teamId: org.teamId, memberId, leftOn: "2024-12-01", reason: "x", actor: lead(org) }),
      ),
    ).rejects.toThrow(/before they joined/);
  });
});

const ROSTER_WITH_A_BAD_ROW = `name,email,experience,joined
Asha Patel,asha@example.com,experienced,2024-03-01
Ben Okafor,,new to care,1/9/2024
Cara Jones,cara@example.com,sometimes,2024-10-14
Dev Singh,dev@example.com,new_to_care,2025-01-06
Eve Brown,eve@example.com,experienced,2025-02-03
`;
const ROSTER_FIXED = ROSTER_WITH_A_BAD_ROW.replace("sometimes", "experienced");

describe("roster import", () => {
  it("previews every row with each problem by line, writes nothing until confirmed, and a second import changes nothing", async () => {
    const org = await insertOrg();
    const preview = await read(org.orgId, (trx) => previewRoster(trx, org.teamId, ROSTER_WITH_A_BAD_ROW));
    expect(preview.fileProblem).toBeNull();
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows.filter((r) => r.status === "problem")).toEqual([
      expect.objectContaining({ line: 4, name: "Cara Jones", problems: ['Write "experienced" or "new to care" in the experience column'] }),
    ]);
    expect(preview.rows[1]).toMatchObject({
      line: 3,
      name: "Ben Okafor",
      experience: "new_to_care",
      joinedOn: "2024-09-01",
      status: "new",
    });
    await expect(
      runInOrg(org.orgId, (ctx) => importRoster(ctx, { teamId: org.teamId, csv: ROSTER_WITH_A_BAD_ROW, actor: lead(org) })),
    ).rejects.toThrow(/Fix the 1 row/);
    expect(await read(org.orgId, (trx) => countTeamMix(trx, org.teamId))).toEqual({ size: 0, experienced: 0 });

    expect(await runInOrg(org.orgId, (ctx) => importRoster(ctx, { teamId: org.teamId, csv: ROSTER_FIXED, actor: lead(org) }))).toEqual({
      added: 5,
      unchanged: 0,
    });
    expect(await read(org.orgId, (trx) => countTeamMix(trx, org.teamId))).toEqual({ size: 5, experienced: 3 });
    const again = await read(org.orgId, (trx) => previewRoster(trx, org.teamId, ROSTER_FIXED));
    expect(again.rows.every((r) => r.status === "existing")).toBe(true);
    expect(await runInOrg(org.orgId, (ctx) => importRoster(ctx, { teamId: org.teamId, csv: ROSTER_FIXED, actor: lead(org) }))).toEqual({
      added: 0,
      unchanged: 5,
    });
    expect(await read(org.orgId, (trx) => countTeamMix(trx, org.teamId))).toEqual({ size: 5, experienced: 3 });
    expect((await audit(org.orgId, "member")).filter((e) => e.action === "member.import")).toHaveLength(1);
  });

  it("refuses a file without the columns it needs, a repeated person, and text that is not CSV", async () => {
    const org = await insertOrg();
    const noColumns = await read(org.orgId, (trx) => previewRoster(trx, org.teamId, "who,when\nA,B\n"));
    expect(noColumns.fileProblem).toMatch(/Missing: name, experience, joined/);
    const twice = await read(org.orgId, (trx) =>
      previewRoster(trx, org.teamId, "name,experience,joined\nAl,new,2024-01-01\nAl,new,2024-01-01\n"),
    );
    expect(twice.rows[1]).toMatchObject({ line: 3, status: "problem", problems: ["The same person as line 2"] });
    const broken = await read(org.orgId, (trx) => previewRoster(trx, org.teamId, 'name,experience,joined\n"Al,new,2024-01-01\n'));
    expect(broken.fileProblem).toMatch(/could not read the file as CSV/);
  });
});

function vacancyInput(teamId: string, overrides: Partial<VacancyInput> = {}): VacancyInput {
  return {
    title: "Home care worker",
    teamId,
    town: "Ashdown",
    postcode: "BS1 4DJ",
    hours: "20 to 30 hours a week",
    payFrom: "12.60",
    payTo: "13.40",
    contractType: "part_time",
    closesOn: inDays(14),
    summary: "For someone who listens first and likes people's stories.",
    description: "You will visit people at home.\n\nYou will never be alone: a buddy shows you how.",
    ...overrides,
  };
}

const pageLoader = (slug: string, vacancyId: string, search = "") =>
  vacancyPageLoader({
    request: new Request(`http://localhost/o/${slug}/jobs/${vacancyId}${search}`),
    params: { slug, vacancyId },
    context: {},
  });

describe("vacancies", () => {
  it("go from draft to published to closed and reopened, each change on the vacancy's history; a draft is not public", async () => {
    const org = await confirmedOrg();
    const vacancyId = await runInOrg(org.orgId, (ctx) => createVacancy(ctx, { ...vacancyInput(org.teamId), actor: lead(org) }));
    expect(((await caught(pageLoader(org.slug, vacancyId))) as Response).status).toBe(404);
    const careers = async () =>
      (
        await careersLoader({ request: new Request(`http://localhost/o/${org.slug}/jobs`), params: { slug: org.slug }, context: {} })
      ).vacancies.map((v) => v.id);
    expect(await careers()).not.toContain(vacancyId);

    // Not before the organisation is confirmed.
    await ownerDb().updateTable("organisations").set({ confirmedAt: null }).where("id", "=", org.orgId).execute();
    await expect(
      runInOrg(org.orgId, (ctx) => changeVacancyStatus(ctx, { vacancyId, change: "publish", actor: lead(org) })),
    ).rejects.toMatchObject({
      code: "not_confirmed",
      message: expect.stringMatching(/confirmed their email/),
    });
    await ownerDb().updateTable("organisations").set({ confirmedAt: new Date() }).where("id", "=", org.orgId).execute();

    await runInOrg(org.orgId, (ctx) => changeVacancyStatus(ctx, { vacancyId, change: "publish", actor: lead(org) }));
    expect(await careers()).toContain(vacancyId);
    await runInOrg(org.orgId, (ctx) =>
      updateVacancy(ctx, { ...vacancyInput(org.teamId, { payFrom: "13.00" }), vacancyId, actor: lead(org) }),
    );
    await runInOrg(org.orgId, (ctx) => changeVacancyStatus(ctx, { vacancyId, change: "close", actor: lead(org) }));
    expect(await careers()).not.toContain(vacancyId);
    const closed = await pageLoader(org.slug, vacancyId);
    expect(closed.vacancy.status).toBe("closed");
    expect(closed.posting).toBeNull();
    expect(closed.others.map((o) => o.id)).toEqual([org.vacancyId]);
    await expect(
      runInOrg(org.orgId, (ctx) => changeVacancyStatus(ctx, { vacancyId, change: "close", actor: lead(org) })),
    ).rejects.toMatchObject({
      code: "wrong_status",
    });
    await runInOrg(org.orgId, (ctx) => changeVacancyStatus(ctx, { vacancyId, change: "reopen", actor: lead(org) }));
    expect(await careers()).toContain(vacancyId);

    const history = await audit(org.orgId, "vacancy", vacancyId);
    expect(history.map((e) => e.action).reverse()).toEqual([
      "vacancy.create",
      "vacancy.publish",
      "vacancy.edit",
      "vacancy.close",
      "vacancy.reopen",
    ]);
    expect(history.find((e) => e.action === "vacancy.edit")).toMatchObject({ before: { payMinPence: 1260 }, after: { payMinPence: 1300 } });
  });

  it("closes by itself after its closing date, exactly once, through the scheduled job", async () => {
    expect(SCHEDULERS.find((s) => s.id === CLOSE_VACANCIES_JOB)?.repeat).toMatchObject({ pattern: "5 * * * *", tz: "Europe/London" });
    const org = await confirmedOrg();
    const due = await runInOrg(org.orgId, (ctx) => createVacancy(ctx, { ...vacancyInput(org.teamId), actor: lead(org) }));
    const lastDayToday = await runInOrg(org.orgId, (ctx) =>
      createVacancy(ctx, { ...vacancyInput(org.teamId, { closesOn: inDays(0) }), actor: lead(org) }),
    );
    for (const id of [due, lastDayToday])
      await runInOrg(org.orgId, (ctx) => changeVacancyStatus(ctx, { vacancyId: id, change: "publish", actor: lead(org) }));
    // Its closing date passes (the form refuses a past date, so the test moves it back).
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx
        .updateTable("vacancies")
        .set({ closesOn: inDays(-1) })
        .where("id", "=", due)
        .execute(),
    );

    const first = await closeVacanciesProcessor();
    expect(first.closed).toBeGreaterThanOrEqual(1);
    await closeVacanciesProcessor();
    const statuses = await read(org.orgId, (trx) =>
      trx.selectFrom("vacancies").select(["id", "status"]).where("id", "in", [due, lastDayToday]).execute(),
    );
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [due]: "closed", [lastDayToday]: "open" });
    const closes = (await audit(org.orgId, "vacancy", due)).filter((e) => e.action === "vacancy.close");
    expect(closes).toHaveLength(1);
    expect(closes[0]).toMatchObject({ actorName: "Closing date", actorUserId: null });
  });
});

describe("job boards", () => {
  it("an open vacancy's page carries a JobPosting with every field Google for Jobs requires", async () => {
    const org = await confirmedOrg("Heathside Care");
    const vacancyId = await runInOrg(org.orgId, (ctx) => createVacancy(ctx, { ...vacancyInput(org.teamId), actor: lead(org) }));
    await runInOrg(org.orgId, (ctx) => changeVacancyStatus(ctx, { vacancyId, change: "publish", actor: lead(org) }));
    const page = await pageLoader(org.slug, vacancyId);
    const posting = JSON.parse(page.posting as string);
    expect(posting).toMatchObject({
      "@context": "https://schema.org/",
      "@type": "JobPosting",
      title: "Home care worker",
      datePosted: new Date().toISOString().slice(0, 10),
      validThrough: `${inDays(14)}T23:59:59+00:00`,
      employmentType: "PART_TIME",
      hiringOrganization: { "@type": "Organization", name: "Heathside Care" },
      jobLocation: { "@type": "Place", address: { addressLocality: "Ashdown", postalCode: "BS1 4DJ", addressCountry: "GB" } },
      baseSalary: { "@type": "MonetaryAmount", currency: "GBP", value: { minValue: 12.6, maxValue: 13.4, unitText: "HOUR" } },
    });
    expect(posting.description).toContain("<p>You will visit people at home.</p>");
    for (const field of [
      "title",
      "description",
      "datePosted",
      "validThrough",
      "employmentType",
      "hiringOrganization",
      "jobLocation",
      "baseSalary",
    ])
      expect(posting[field], field).toBeTruthy();
  });

  it("each organisation's XML feed is well formed, lists only its open vacancies, and its links carry the board, which the application form picks up", async () => {
    const org = await confirmedOrg("Heathside & Co <Care>");
    const other = await insertOrg();
    const open = await runInOrg(org.orgId, (ctx) =>
      createVacancy(ctx, { ...vacancyInput(org.teamId, { title: "Night carer & driver" }), actor: lead(org) }),
    );
    await runInOrg(org.orgId, (ctx) => changeVacancyStatus(ctx, { vacancyId: open, change: "publish", actor: lead(org) }));
    const draft = await runInOrg(org.orgId, (ctx) => createVacancy(ctx, { ...vacancyInput(org.teamId), actor: lead(org) }));

    const response = await feedLoader({
      request: new Request(`http://localhost/o/${org.slug}/jobs.xml?board=adzuna`),
      params: { slug: org.slug },
      context: {},
    });
    expect(response.headers.get("Content-Type")).toMatch(/application\/xml/);
    const body = await response.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const feed = new XMLParser({ isArray: (name) => name === "job" }).parse(body);
    const jobs = feed.source.job as { title: string; referencenumber: string; url: string; company: string; salary: string }[];
    expect(jobs.map((j) => j.referencenumber).sort()).toEqual([org.vacancyId, open].sort());
    expect(jobs.map((j) => j.referencenumber)).not.toContain(draft);
    expect(jobs.map((j) => j.referencenumber)).not.toContain(other.vacancyId);
    const job = jobs.find((j) => j.referencenumber === open);
    expect(job).toMatchObject({ title: "Night carer & driver", company: "Heathside & Co <Care>", salary: "£12.60 to £13.40 an hour" });
    expect(job?.url).toMatch(new RegExp(`/o/${org.slug}/jobs/${open}\\?source=adzuna$`));

    const arriving = await pageLoader(org.slug, open, "?source=adzuna");
    expect(arriving.defaultSource).toBe("job_board");
    expect((await pageLoader(org.slug, open)).defaultSource).toBeUndefined();
  });
});
