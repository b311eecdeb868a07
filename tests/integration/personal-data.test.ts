import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { defaultFilters } from "#app/domain/analytics/filters.js";
import { loadDashboard } from "#app/domain/analytics/load-dashboard.server.js";
import { loadPeople } from "#app/domain/analytics/people.server.js";
import { eraseCandidate } from "#app/domain/privacy/erase-candidate.server.js";
import { exportPersonalData } from "#app/domain/privacy/export-candidate.server.js";
import { PERSONAL_DATA } from "#app/domain/privacy/personal-data.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { getReminderQueue, scheduleReminderJobs } from "#jobs/queues.js";
import { insertStories, type Story } from "#tests/factories/analytics.js";
import { closeOwnerDb, insertOrg, ownerDb } from "#tests/factories/org.js";
import { recordInOrg, runInOrg } from "#tests/support/run.js";
import { openVote } from "#app/domain/votes/open-vote.server.js";
import { deliverOutboxEmail } from "#app/domain/email/deliver-email.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { insertTeamAndShadowCandidate } from "#tests/factories/vote.js";
import { insertOffer } from "#tests/factories/offer.js";
import { findAnywhere } from "#tests/support/find-anywhere.js";

afterAll(closeOwnerDb);

/** Tables that can reach a candidate through foreign keys (a candidate's rows and everything hanging off them), and the outbox. */
async function tablesAboutCandidates() {
  const { rows } = await sql<{ child: string; parent: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public'`.execute(ownerDb());
  const about = new Set(["candidates", "outbox"]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { child, parent } of rows) {
      if (about.has(parent) && !about.has(child)) {
        about.add(child);
        grew = true;
      }
    }
  }
  return [...about].sort();
}

const everyone = (vacancyId: string, teamId: string, n: number, story: Partial<Story>): Story[] =>
  Array.from({ length: n }, () => ({ vacancyId, teamId, source: "job_board", applied: 40, ...story }));

/** A candidate whose name, email and phone the test can look for everywhere, with data at every step. */
async function insertPerson(org: Awaited<ReturnType<typeof insertOrg>>) {
  const tag = randomBytes(4).toString("hex");
  const person = {
    name: `Zelda Quintrell-${tag}`,
    email: `zelda.${tag}@example.com`,
    // A phone no other test's candidate has (the whole database is searched for it).
    phone: `+44 (0) ${Number.parseInt(tag, 16)}`,
  };
  const [applicationId] = await insertStories(org.orgId, [
    {
      vacancyId: org.vacancyId,
      teamId: org.teamId,
      source: "college",
      applied: 40,
      surveyDone: 39,
      booked: 38,
      workshop: { at: 30, attendance: "attended" },
      stages: [
        ["survey", 39],
        ["workshop", 38],
        ["shadow", 29],
      ],
      exit: { kind: "declined", at: 20, reason: `${tag}: not the right time for ${tag}` },
      diversity: { ageBand: "25_34", gender: "woman", disability: "no", ethnicity: "white", caring: "no" },
      location: `Little ${tag}ton`,
    },
  ]);
  await withOrg(ownerDb(), org.orgId, async (trx) => {
    const app = await trx.selectFrom("applications").select("candidateId").where("id", "=", applicationId).executeTakeFirstOrThrow();
    await trx
      .updateTable("candidates")
      .set({ fullName: person.name, email: person.email, phone: person.phone })
      .where("id", "=", app.candidateId)
      .execute();
    await trx
      .updateTable("applications")
      .set({ adjustmentsNote: `${person.name} needs a quiet room`, adjustments: ["quiet_space"] })
      .where("id", "=", applicationId)
      .execute();
    await trx
      .updateTable("workshopBookings")
      .set({ adjustments: `Call ${person.phone} first` })
      .where("applicationId", "=", applicationId)
      .execute();
    await trx
      .insertInto("outbox")
      .values({ kind: "application-received", payload: JSON.stringify({ applicationId }) })
      .execute();
  });
  const candidateId = (
    await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("applications").select("candidateId").where("id", "=", applicationId).executeTakeFirstOrThrow(),
    )
  ).candidateId;
  return { ...person, tag, applicationId, candidateId };
}

describe("personal data", () => {
  it("every table that can hold data about a candidate is covered by both the export and the erasure", async () => {
    const tables = await tablesAboutCandidates();
    const missing = tables.filter((t) => !(t in PERSONAL_DATA));
    expect(missing).toEqual([]);
    expect(tables.length).toBeGreaterThan(20);
    for (const [table, coverage] of Object.entries(PERSONAL_DATA)) {
      expect({ table, hasExport: "none" in coverage.export || "rows" in coverage.export }).toEqual({ table, hasExport: true });
      expect({ table, hasErase: "keep" in coverage.erase || "run" in coverage.erase }).toEqual({ table, hasErase: true });
    }
  });

  it("the export holds everything the organisation holds about the person; the candidate's copy leaves out staff's reasons", async () => {
    const org = await insertOrg();
    const p = await insertPerson(org);
    const staff = await withOrg(getDb(), org.orgId, (trx) => exportPersonalData(trx, p.candidateId, "staff"));
    const text = JSON.stringify(staff);
    for (const piece of [
      p.name,
      p.email,
      p.phone,
      `Little ${p.tag}ton`,
      "needs a quiet room",
      `Call ${p.phone} first`,
      "not the right time",
    ]) {
      expect(text).toContain(piece);
    }
    // Monitoring answers: staff learn only that there are some; the person's own copy has them.
    expect(text).not.toContain("25_34");
    expect(text).toContain("Given; only the person sees them");
    const own = await withOrg(getDb(), org.orgId, (trx) => exportPersonalData(trx, p.candidateId, "candidate"));
    expect(JSON.stringify(own)).toContain(p.email);
    expect(JSON.stringify(own)).not.toContain("not the right time");
    expect(own.sections.map((s) => s.title)).toContain("Your values survey");
    expect(JSON.stringify(own)).toContain("25_34");
  });

  it("erasure removes the person from every column in the database and every job in Redis, and leaves every figure as it was", async () => {
    const org = await insertOrg();
    // Enough people that the People page shows its groups (5 or more).
    await insertStories(org.orgId, [
      ...everyone(org.vacancyId, org.teamId, 6, {
        workshop: { at: 30, attendance: "attended" },
        diversity: { ageBand: "25_34", gender: "woman", disability: "no", ethnicity: "white", caring: "no" },
      }),
      ...everyone(org.vacancyId, org.teamId, 6, { exit: { kind: "withdrawn", at: 30, reason: "Found another job" } }),
    ]);
    const p = await insertPerson(org);
    await scheduleReminderJobs([
      {
        name: "send-survey-reminder",
        data: { orgId: org.orgId, applicationId: p.applicationId, reminder: 1 },
        jobId: `test-erasure-${p.applicationId}`,
        dueAt: new Date(Date.now() + 86_400_000),
      },
    ]);
    const scoped = <T>(work: Parameters<typeof withOrg<T>>[2]) => withOrg(getDb(), org.orgId, work);
    const figures = async () => ({
      dashboard: await loadDashboard(scoped, defaultFilters(), new Date()),
      people: await loadPeople(scoped, defaultFilters()),
      // The counts under both pages, below the small-group rule that hides most of them here.
      rollups: await Promise.all(
        ["funnel_monthly", "funnel_exits_cells", "people_monthly", "people_places_monthly", "offer_outcomes_monthly"].map(
          async (table) =>
            (await sql`select * from ${sql.table(table)} where org_id = ${org.orgId} order by 1, 2, 3, 4, 5, 6, 7`.execute(ownerDb())).rows,
        ),
      ),
    });
    const before = await figures();
    expect(await findAnywhere(p.email)).not.toEqual([]);

    const result = await runInOrg(org.orgId, (ctx) =>
      eraseCandidate(ctx, {
        candidateId: p.candidateId,
        why: "lead",
        reason: "Asked by email",
        actor: { userId: org.leadId, name: "Lee Lead" },
      }),
    );
    expect(result).toEqual({ erased: true, applications: 1 });

    // The town is kept only as a counted place (anonymous facts, shown in groups of 5 or more).
    for (const piece of [p.name, p.email, p.phone, `${p.name} needs a quiet room`, `Call ${p.phone} first`]) {
      expect({ piece, found: await findAnywhere(piece) }).toEqual({ piece, found: [] });
    }
    const jobs = await getReminderQueue().getJobs(["waiting", "delayed", "prioritized"]);
    expect(jobs.filter((j) => JSON.stringify(j.data).includes(p.applicationId))).toEqual([]);
    expect(await figures()).toEqual(before);

    // Twice is harmless.
    const again = await runInOrg(org.orgId, (ctx) =>
      eraseCandidate(ctx, { candidateId: p.candidateId, why: "lead", actor: { userId: org.leadId, name: "Lee Lead" } }),
    );
    expect(again).toEqual({ erased: false });
    expect(await figures()).toEqual(before);
  });

  it("an open vote on the person is cancelled, and each voter gets a neutral email that names nobody", async () => {
    const org = await insertOrg("Oakfield Home Care");
    const team = await insertTeamAndShadowCandidate(org.orgId, org.teamId, org.vacancyId, { members: 3 });
    const lead = { userId: org.leadId, name: "Lee Lead" };
    const { voteId } = await runInOrg(org.orgId, (ctx) => openVote(ctx, { applicationId: team.applicationId, actor: lead }));
    const { after } = await recordInOrg(org.orgId, (ctx) =>
      eraseCandidate(ctx, { candidateId: team.candidateId, why: "lead", reason: "Asked by phone", actor: lead }),
    );
    expect(after.emailRefs).toHaveLength(3);
    const vote = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("votes").select(["status", "outcome"]).where("id", "=", voteId).executeTakeFirstOrThrow(),
    );
    expect(vote).toEqual({ status: "closed", outcome: "cancelled" });
    for (const ref of after.emailRefs) expect(await deliverOutboxEmail(getDb(), org.orgId, ref.id)).toBe("sent");
    const [email] = await fetchCaptured(process.env.RESEND_BASE_URL as string, team.memberEmails[0]);
    expect(email.subject).toBe("A team vote has been cancelled");
    expect(email.text).toContain("You do not need to do anything");
    expect(email.text).not.toContain("Olivia");
  });

  it("a lead must confirm erasing someone who accepted an offer; the offer is then withdrawn", async () => {
    const org = await insertOrg();
    const { offerId, applicationId } = await insertOffer(org, { status: "accepted" });
    const candidateId = (
      await withOrg(ownerDb(), org.orgId, (trx) =>
        trx.selectFrom("applications").select("candidateId").where("id", "=", applicationId).executeTakeFirstOrThrow(),
      )
    ).candidateId;
    const lead = { userId: org.leadId, name: "Lee Lead" };
    const erase = (confirmedOffer: boolean) =>
      runInOrg(org.orgId, (ctx) =>
        eraseCandidate(ctx, { candidateId, why: "lead", reason: "Asked by email", actor: lead, confirmedOffer }),
      );
    await expect(erase(false)).rejects.toMatchObject({ code: "needs_confirmation", field: "confirmOffer" });
    expect(await erase(true)).toEqual({ erased: true, applications: 1 });
    const offer = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("offers").select("status").where("id", "=", offerId).executeTakeFirstOrThrow(),
    );
    expect(offer.status).toBe("withdrawn");
  });
});
