import { afterAll, describe, expect, it } from "vitest";
import { listTeamAlerts, mixHistory, refreshTeamMix } from "#app/domain/teams/team-mix.server.js";
import { londonDate } from "#app/domain/teams/mix.js";
import { saveOrgSettings } from "#app/domain/organisations/org-settings.server.js";
import { fetchCaptured } from "#app/utils/dev-mailbox.server.js";
import { loader as teamsLoader } from "#app/routes/teams._index.js";
import { getDb, type Tx } from "#db/client.js";
import { listSnapshots } from "#db/queries/team-mix.js";
import type { Experience } from "#db/schema.js";
import { withOrg } from "#db/tenant.js";
import { getReminderQueue } from "#jobs/queues.js";
import { TEAM_MIX_DIGEST } from "#jobs/processors/team-mix.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { waitFor, workerPerTest } from "#tests/support/worker.js";

afterAll(closeOwnerDb);

const run = <T>(orgId: string, work: (trx: Tx) => Promise<T>) => withOrg(getDb(), orgId, work);

/** Adds members through the app's role (RLS applies), `experienced` of them experienced. */
async function addMembers(orgId: string, teamId: string, experienced: number, newToCare: number) {
  const rows: { teamId: string; name: string; experience: Experience; joinedOn: string }[] = [];
  for (let i = 0; i < experienced + newToCare; i++) {
    rows.push({ teamId, name: `Member ${i}`, experience: i < experienced ? "experienced" : "new_to_care", joinedOn: "2025-01-10" });
  }
  return run(orgId, (trx) => trx.insertInto("teamMembers").values(rows).returning("id").execute());
}

const snapshots = (orgId: string, teamId: string) =>
  run(orgId, (trx) => trx.selectFrom("teamMixSnapshots").select(["takenOn", "size", "experienced"]).where("teamId", "=", teamId).execute());

const openAlerts = (orgId: string) =>
  run(orgId, (trx) => trx.selectFrom("teamAlerts").select("kind").where("resolvedAt", "is", null).orderBy("kind").execute()).then((rows) =>
    rows.map((r) => r.kind),
  );

describe("team mix snapshots", () => {
  it("the trigger writes today's snapshot when a member joins, leaves or moves team", async () => {
    const org = await insertOrg();
    const today = londonDate(new Date());
    const [first] = await addMembers(org.orgId, org.teamId, 2, 1);
    expect(await snapshots(org.orgId, org.teamId)).toEqual([{ takenOn: today, size: 3, experienced: 2 }]);

    await run(org.orgId, (trx) => trx.updateTable("teamMembers").set({ leftOn: today }).where("id", "=", first.id).execute());
    expect(await snapshots(org.orgId, org.teamId)).toEqual([{ takenOn: today, size: 2, experienced: 1 }]);

    // Moving someone updates both teams.
    const other = await run(org.orgId, async (trx) => {
      const region = await trx.selectFrom("regions").select("id").executeTakeFirstOrThrow();
      return trx
        .insertInto("teams")
        .values({ name: "Brookfield", town: "Brookfield", regionId: region.id })
        .returning("id")
        .executeTakeFirstOrThrow();
    });
    await run(org.orgId, (trx) =>
      trx
        .updateTable("teamMembers")
        .set({ teamId: other.id })
        .where("teamId", "=", org.teamId)
        .where("experience", "=", "experienced")
        .where("leftOn", "is", null)
        .execute(),
    );
    expect(await snapshots(org.orgId, org.teamId)).toEqual([{ takenOn: today, size: 1, experienced: 0 }]);
    expect(await snapshots(org.orgId, other.id)).toEqual([{ takenOn: today, size: 1, experienced: 1 }]);

    // Deleting the organisation cascades through its members without tripping the trigger.
    await ownerDb().deleteFrom("organisations").where("id", "=", org.orgId).execute();
    expect(await ownerDb().selectFrom("teamMixSnapshots").select("teamId").where("orgId", "=", org.orgId).execute()).toEqual([]);
  });

  it("two members joining at the same moment are both counted in today's snapshot", async () => {
    const org = await insertOrg();
    const today = londonDate(new Date());
    await addMembers(org.orgId, org.teamId, 1, 1);
    const member = (name: string) => ({ teamId: org.teamId, name, experience: "experienced" as Experience, joinedOn: "2025-01-10" });
    let releaseFirst = () => {};
    const firstMayCommit = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstInserted = () => {};
    const firstHasInserted = new Promise<void>((resolve) => {
      firstInserted = resolve;
    });
    const first = run(org.orgId, async (trx) => {
      await trx.insertInto("teamMembers").values(member("First")).execute();
      firstInserted();
      await firstMayCommit;
    });
    await firstHasInserted;
    // The second starts while the first is still open: it waits for the team's lock, then counts both.
    const second = run(org.orgId, (trx) => trx.insertInto("teamMembers").values(member("Second")).execute());
    await new Promise((r) => setTimeout(r, 300));
    releaseFirst();
    await Promise.all([first, second]);
    expect(await snapshots(org.orgId, org.teamId)).toEqual([{ takenOn: today, size: 4, experienced: 3 }]);
  });

  it("the team page's history reads the 12 months up to today, on 29 February too", async () => {
    const org = await insertOrg();
    await ownerDb()
      .insertInto("teamMixSnapshots")
      .values(
        [
          ["2026-06-30", 4, 1],
          ["2027-02-27", 4, 1],
          ["2027-02-28", 4, 2],
          ["2027-09-15", 5, 3],
          ["2028-02-29", 6, 3],
        ].map(([takenOn, size, experienced]) => ({
          orgId: org.orgId,
          teamId: org.teamId,
          takenOn: takenOn as string,
          size: size as number,
          experienced: experienced as number,
        })),
      )
      .execute();
    const read = await run(org.orgId, (trx) => listSnapshots(trx, org.teamId, "2028-02-29"));
    expect(read.map((r) => r.takenOn)).toEqual(["2027-02-28", "2027-09-15", "2028-02-29"]);
    const history = await run(org.orgId, (trx) => mixHistory(trx, org.teamId, "2028-02-29"));
    expect(history).toHaveLength(12);
    expect(history[0]).toMatchObject({ month: "2027-03", size: 4, experienced: 2, percent: 50 });
    expect(history[6]).toMatchObject({ month: "2027-09", size: 5, percent: 60 });
    expect(history[11]).toMatchObject({ month: "2028-02", size: 6, percent: 50 });
  });
});

describe("team alerts", () => {
  it("the nightly check raises one alert per condition, never twice, and resolves it when the condition ends", async () => {
    const org = await insertOrg();
    await addMembers(org.orgId, org.teamId, 1, 2); // 3 members, 33% experienced

    expect(await run(org.orgId, (trx) => refreshTeamMix(trx))).toEqual({ raised: 2, resolved: 0 });
    expect(await run(org.orgId, (trx) => refreshTeamMix(trx))).toEqual({ raised: 0, resolved: 0 });
    expect(await openAlerts(org.orgId)).toEqual(["out_of_band", "too_small"]);
    const alerts = await run(org.orgId, listTeamAlerts);
    expect(alerts.map((a) => `${a.teamName}: ${a.title}. ${a.text}`)).toEqual([
      "Ashdown: Mix outside the band. 33% experienced, outside the 40-60% band: the next hire should be an experienced person.",
      "Ashdown: Below the minimum size. Only 3 members, below the healthy minimum of 5: hire an experienced person first (33% experienced).",
    ]);

    await addMembers(org.orgId, org.teamId, 2, 0); // 5 members, 3 experienced: 60%, in the band
    expect(await run(org.orgId, (trx) => refreshTeamMix(trx))).toEqual({ raised: 0, resolved: 2 });
    expect(await openAlerts(org.orgId)).toEqual([]);

    await addMembers(org.orgId, org.teamId, 3, 4); // 12 members, 6 experienced
    expect(await run(org.orgId, (trx) => refreshTeamMix(trx))).toEqual({ raised: 1, resolved: 0 });
    expect(await openAlerts(org.orgId)).toEqual(["split"]);
    const history = await run(org.orgId, (trx) => trx.selectFrom("teamAlerts").select(["kind", "resolvedAt"]).execute());
    expect(
      history
        .filter((a) => a.resolvedAt !== null)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(["out_of_band", "too_small"]);
  });

  it("the organisation's band changes the status on /teams and the alerts", async () => {
    const org = await insertOrg();
    await addMembers(org.orgId, org.teamId, 4, 6); // 40%: in 40-60, not in 45-55
    const cookie = await staffCookie(org.orgId, org.leadId);
    const load = async () =>
      (await teamsLoader({ request: new Request("http://localhost/teams", { headers: { cookie } }), params: {}, context: {} })) as Awaited<
        ReturnType<typeof teamsLoader>
      >;
    expect(await run(org.orgId, (trx) => refreshTeamMix(trx))).toEqual({ raised: 0, resolved: 0 });
    expect((await load()).teams[0].mix.status).toBe("balanced");

    await run(org.orgId, (trx) => saveOrgSettings(trx, { mixTarget: 50, mixBandLow: 45, mixBandHigh: 55 }));
    const page = await load();
    expect(page.teams[0].mix.status).toBe("needs_experienced");
    expect(page.statusText.balanced).toBe("Within the 45-55% band");
    expect(await run(org.orgId, (trx) => refreshTeamMix(trx))).toEqual({ raised: 1, resolved: 0 });
    expect((await load()).alerts.map((a) => a.text)).toEqual([
      "40% experienced, outside the 45-55% band: the next hire should be an experienced person.",
    ]);
  });

  it("a lead sees only their own organisation's teams and alerts", async () => {
    const oakfield = await insertOrg("Oakfield Home Care");
    const riverside = await insertOrg("Riverside Care");
    await ownerDb().updateTable("teams").set({ name: "Millbank" }).where("id", "=", riverside.teamId).execute();
    await addMembers(oakfield.orgId, oakfield.teamId, 1, 2);
    await addMembers(riverside.orgId, riverside.teamId, 3, 0);
    for (const org of [oakfield, riverside]) await run(org.orgId, (trx) => refreshTeamMix(trx));
    const cookie = await staffCookie(riverside.orgId, riverside.leadId);
    const page = (await teamsLoader({
      request: new Request("http://localhost/teams", { headers: { cookie } }),
      params: {},
      context: {},
    })) as Awaited<ReturnType<typeof teamsLoader>>;
    expect(page.teams.map((t) => t.name)).toEqual(["Millbank"]);
    expect(page.alerts.map((a) => `${a.teamName}: ${a.title}`)).toEqual([
      "Millbank: Mix outside the band",
      "Millbank: Below the minimum size",
    ]);
  });
});

describe("the weekly digest", () => {
  const worker = workerPerTest();

  it("goes once per lead per week through the worker, only to leads with something to read, never about another organisation", async () => {
    const oakfield = await insertOrg("Oakfield Home Care");
    const riverside = await insertOrg("Riverside Care");
    const quiet = await insertOrg("Quiet Care");
    await ownerDb().updateTable("teams").set({ name: "Millbank" }).where("id", "=", riverside.teamId).execute();
    const admin = await run(oakfield.orgId, (trx) =>
      trx
        .insertInto("users")
        .values({ email: `admin@${oakfield.slug}.test`, name: "Alex Admin", role: "admin", passwordHash: "unused" })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    await addMembers(oakfield.orgId, oakfield.teamId, 1, 3); // 25%, 4 members
    await addMembers(riverside.orgId, riverside.teamId, 4, 1); // 80%, 5 members
    await addMembers(quiet.orgId, quiet.teamId, 3, 3);
    for (const org of [oakfield, riverside, quiet]) await run(org.orgId, (trx) => refreshTeamMix(trx));

    await worker.start();
    const queue = getReminderQueue();
    const runDigest = async (orgId: string, n: number) => {
      const jobId = `digest-${orgId}-${n}`;
      await queue.add(TEAM_MIX_DIGEST, { orgId }, { jobId });
      await waitFor(async () => (await queue.getJob(jobId))?.isCompleted(), `digest job ${jobId}`);
    };
    for (const org of [oakfield, riverside, quiet]) await runDigest(org.orgId, 1);
    const mail = process.env.RESEND_BASE_URL as string;
    const [lead] = await waitFor(async () => {
      const got = await fetchCaptured(mail, `lead@${oakfield.slug}.test`);
      return got.length ? got : null;
    }, "the oakfield lead's digest");
    const [adminMail] = await waitFor(async () => {
      const got = await fetchCaptured(mail, `admin@${oakfield.slug}.test`);
      return got.length === 1 ? got : null;
    }, "the oakfield admin's digest");
    // The admin gets their own digest (addressed to them by name), not a copy of the lead's.
    expect(adminMail.subject).toBe("Teams this week: 2 things to look at");
    expect(adminMail.text).toContain("Alex");
    const digests = await run(oakfield.orgId, (trx) =>
      trx.selectFrom("outbox").select("payload").where("kind", "=", "team-mix-digest").execute(),
    );
    expect(digests.map((d) => (d.payload as { userId: string }).userId)).toContain(admin.id);
    expect(lead.subject).toBe("Teams this week: 2 things to look at");
    expect(lead.text).toContain("Ashdown: Mix outside the band");
    expect(lead.text).toContain("25% experienced, outside the 40-60% band: the next hire should be an experienced person.");
    expect(lead.text).toContain("Only 4 members, below the healthy minimum of 5");

    const [river] = await waitFor(async () => {
      const got = await fetchCaptured(mail, `lead@${riverside.slug}.test`);
      return got.length ? got : null;
    }, "the riverside lead's digest");
    expect(river.subject).toBe("Teams this week: 1 thing to look at");
    expect(river.text).toContain("Millbank: Mix outside the band");
    expect(river.text).not.toContain("Ashdown");

    // Again the same week: nobody gets a second email; the quiet organisation's lead gets none at all.
    await runDigest(oakfield.orgId, 2);
    await runDigest(riverside.orgId, 2);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await fetchCaptured(mail, `lead@${oakfield.slug}.test`)).toHaveLength(1);
    expect(await fetchCaptured(mail, `admin@${oakfield.slug}.test`)).toHaveLength(1);
    expect(await fetchCaptured(mail, `lead@${riverside.slug}.test`)).toHaveLength(1);
    expect(await fetchCaptured(mail, `lead@${quiet.slug}.test`)).toHaveLength(0);
  });
});
