import { AfterCommit } from "#app/domain/after-commit.js";
import { runInOrg } from "#tests/support/run.js";
import { afterAll, describe, expect, it } from "vitest";
import {
  addAssessor,
  findWorkshopResult,
  listVisibleScores,
  saveScores,
  submitScores,
} from "#app/domain/workshops/assessor-scores.server.js";
import { DEFAULT_EXERCISES } from "#app/domain/workshops/default-exercises.js";
import { createExercise } from "#app/domain/workshops/exercises.server.js";
import { recordWorkshopOutcomes } from "#app/domain/workshops/record-outcomes.server.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { loader as applicationLoader } from "#app/routes/pipeline.$applicationId/route.js";
import { loader as scoreLoader } from "#app/routes/workshops.$workshopId_.score.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";

afterAll(closeOwnerDb);

/** A workshop with the rota exercise, two attending candidates and two assessors. */
async function scoredWorkshop() {
  const org = await insertOrg();
  const workshopId = await insertWorkshop(org.orgId, org.teamId);
  const people = await insertInvitedApplications(org.orgId, org.vacancyId, 2);
  return withOrg(ownerDb(), org.orgId, async (trx) => {
    const exercise = {
      id: await createExercise(
        { trx, after: new AfterCommit() },
        { userId: null, name: "Test" },
        {
          title: DEFAULT_EXERCISES[0].title,
          brief: DEFAULT_EXERCISES[0].brief,
          criteria: DEFAULT_EXERCISES[0].rubric,
        },
      ),
    };
    await trx.insertInto("workshopExercises").values({ workshopId, exerciseId: exercise.id }).execute();
    const bookingIds: string[] = [];
    for (const p of people) {
      const b = await trx
        .insertInto("workshopBookings")
        .values({ workshopId, applicationId: p.applicationId, attendance: "attended" })
        .returning("id")
        .executeTakeFirstOrThrow();
      bookingIds.push(b.id);
    }
    const second = await trx
      .insertInto("users")
      .values({ email: `a2@${org.slug}.test`, name: "Ash Assessor", role: "member", passwordHash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ctx = { trx, after: new AfterCommit() };
    await addAssessor(ctx, workshopId, org.leadId);
    await addAssessor(ctx, workshopId, second.id);
    return { org, workshopId, people, bookingIds, exerciseId: exercise.id, assessors: [org.leadId, second.id] as const };
  });
}

describe("independent scoring", () => {
  it("shows an assessor only their own scores until they submit, through every loader", async () => {
    const w = await scoredWorkshop();
    const [lead, ash] = w.assessors;
    const rubric = DEFAULT_EXERCISES[0].rubric;
    const scoresFor = (values: number[], firstNote = "") =>
      rubric.map((c, i) => ({
        bookingId: w.bookingIds[0],
        exerciseId: w.exerciseId,
        criterionKey: c.key,
        score: values[i],
        note: i === 0 ? firstNote : "",
      }));
    await runInOrg(w.org.orgId, (ctx) => saveScores(ctx, w.workshopId, lead, scoresFor([4, 3, 3])));
    await runInOrg(w.org.orgId, (ctx) => saveScores(ctx, w.workshopId, ash, scoresFor([2, 3, 4], "Let others speak first")));

    const beforeLead = await withOrg(getDb(), w.org.orgId, (trx) => listVisibleScores(trx, w.workshopId, lead));
    expect(beforeLead.all).toBe(false);
    expect(new Set(beforeLead.scores.map((s) => s.assessorId))).toEqual(new Set([lead]));

    // The scoring page and the application page hold nothing of Ash's for the lead yet.
    const cookie = await staffCookie(w.org.orgId, lead);
    const page = await scoreLoader({
      request: new Request(`http://localhost/workshops/${w.workshopId}/score`, { headers: { Cookie: cookie } }),
      params: { workshopId: w.workshopId },
      context: {},
    });
    expect(page.everyone).toEqual([]);
    expect(Object.fromEntries(Object.values(page.mine).map((s) => [s.criterionKey, s.score]))).toEqual({
      shares_load: 4,
      person_first: 3,
      owns_gaps: 3,
    });
    const app = await applicationLoader({
      request: new Request(`http://localhost/pipeline/${w.people[0].applicationId}`, { headers: { Cookie: cookie } }),
      params: { applicationId: w.people[0].applicationId },
      context: {},
    });
    expect(app.workshop).toEqual({ hidden: true });

    await runInOrg(w.org.orgId, (ctx) => submitScores(ctx, w.workshopId, lead));
    await expect(runInOrg(w.org.orgId, (ctx) => saveScores(ctx, w.workshopId, lead, scoresFor([1, 1, 1])))).rejects.toMatchObject({
      code: "closed",
    });
    const afterLead = await withOrg(getDb(), w.org.orgId, (trx) => listVisibleScores(trx, w.workshopId, lead));
    expect(afterLead.scores).toHaveLength(6);

    // Ash has not submitted: the result counts submitted scores only, and Ash still sees just their own.
    const ashView = await withOrg(getDb(), w.org.orgId, (trx) => findWorkshopResult(trx, w.people[0].applicationId, ash));
    expect(ashView).toEqual({ hidden: true });
    await runInOrg(w.org.orgId, (ctx) => submitScores(ctx, w.workshopId, ash));
    const result = await withOrg(getDb(), w.org.orgId, (trx) => findWorkshopResult(trx, w.people[0].applicationId, lead));
    expect(result).toMatchObject({ hidden: false, overall: 3.2, assessors: 2, disagreements: 1 });
    // Written notes come with the scores (by exercise and criterion, not by assessor).
    expect(result && !result.hidden ? result.notes : null).toEqual([
      { exercise: DEFAULT_EXERCISES[0].title, criterion: rubric[0].criterion, note: "Let others speak first" },
    ]);
  });

  it("records the lead's decision for several candidates at once, and the timeline follows", async () => {
    const w = await scoredWorkshop();
    const actor = { userId: w.org.leadId, name: "Lee Lead" };
    const moved = await runInOrg(w.org.orgId, (ctx) => recordWorkshopOutcomes(ctx, w.workshopId, w.bookingIds, { to: "shadow" }, actor));
    expect(moved).toEqual({ moved: 2, skipped: 0 });
    const again = await runInOrg(w.org.orgId, (ctx) =>
      recordWorkshopOutcomes(ctx, w.workshopId, w.bookingIds, { to: "declined", reason: "Changed mind" }, actor),
    );
    expect(again).toEqual({ moved: 0, skipped: 2 });
    const events = await withOrg(getDb(), w.org.orgId, (trx) =>
      trx.selectFrom("applicationEvents").select(["toStage", "actorName"]).where("applicationId", "=", w.people[0].applicationId).execute(),
    );
    expect(events).toEqual([{ toStage: "shadow", actorName: "Lee Lead" }]);
  });
});
