import { afterAll, describe, expect, it } from "vitest";
import { AfterCommit } from "#app/domain/after-commit.js";
import { addAssessor, findWorkshopResult, saveScores, submitScores } from "#app/domain/workshops/assessor-scores.server.js";
import { action as editAction, loader as editLoader } from "#app/routes/workshops.exercises.$exerciseId_.edit.js";
import { action as exerciseAction, loader as exerciseLoader } from "#app/routes/workshops.exercises.$exerciseId.js";
import { action as workshopsAction, loader as workshopsLoader } from "#app/routes/workshops._index.js";
import { loader as libraryLoader } from "#app/routes/workshops.exercises._index.js";
import { action as newAction } from "#app/routes/workshops.exercises.new.js";
import { loader as scoreLoader } from "#app/routes/workshops.$workshopId_.score.js";
import { getDb } from "#db/client.js";
import { withOrg } from "#db/tenant.js";
import { closeOwnerDb, insertOrg, ownerDb, staffCookie } from "#tests/factories/org.js";
import { insertInvitedApplications, insertWorkshop } from "#tests/factories/workshop.js";
import { runInOrg } from "#tests/support/run.js";

afterAll(closeOwnerDb);

type Fields = Record<string, string | string[]>;
const body = (fields: Fields) => {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  return form;
};
const post = (url: string, cookie: string, fields: Fields) =>
  new Request(`http://localhost${url}`, { method: "POST", headers: { Cookie: cookie }, body: body(fields) });
const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });

const criterion = (key: string, name: string, value: string, levels: string[]) => ({
  [`${key}.name`]: name,
  [`${key}.value`]: value,
  [`${key}.level1`]: levels[0],
  [`${key}.level2`]: levels[1],
  [`${key}.level3`]: levels[2],
  [`${key}.level4`]: levels[3],
});

const LOST_KEYS: Fields = {
  intent: "save",
  title: "Lost keys",
  brief: "Mrs Okoye has lost her door keys and is upset. What do you do?",
  criteria: ["calm", "asks"],
  ...criterion("calm", "Stays calm and kind", "compassion", [
    "Rushes her",
    "Helps, but hurried",
    "Calm and patient",
    "Calm and finds out what matters",
  ]),
  ...criterion("asks", "Asks before acting", "curiosity", [
    "Acts at once",
    "Asks one thing",
    "Asks what she wants",
    "Asks, listens, adapts",
  ]),
};

async function addLostKeys(orgId: string, leadId: string) {
  const lead = await staffCookie(orgId, leadId);
  const added = (await newAction({ request: post("/workshops/exercises/new", lead, LOST_KEYS), params: {}, context: {} })) as Response;
  expect(added.status).toBe(302);
  const exerciseId = (added.headers.get("Location") ?? "").split("/")[3].split("?")[0];
  return { lead, exerciseId };
}

describe("the scenario library", () => {
  it("adds an exercise with several criteria, names each problem next to its field, and keeps what was typed", async () => {
    const org = await insertOrg();
    const lead = await staffCookie(org.orgId, org.leadId);
    const bad = { ...LOST_KEYS, brief: "", "asks.level3": "  ", "calm.value": "", "asks.name": "stays calm and KIND" };
    const refused = (await newAction({ request: post("/workshops/exercises/new", lead, bad), params: {}, context: {} })) as Response;
    expect(refused.status).toBe(400);
    const answer = await refused.json();
    expect(answer.fieldErrors).toEqual({
      brief: "Write the brief the candidates get",
      "calm.value": "Choose the value it shows",
      "asks.name": "Two criteria have this name: give each its own",
      "asks.level3": "Describe what a 3 looks like",
    });
    expect(answer.values).toMatchObject({ title: "Lost keys", criteria: ["calm", "asks"], "asks.level4": "Asks, listens, adapts" });

    // A value that is not one of the survey's is refused beside its field too.
    const notAValue = (await newAction({
      request: post("/workshops/exercises/new", lead, { ...LOST_KEYS, "asks.value": "bravery" }),
      params: {},
      context: {},
    })) as Response;
    expect((await notAValue.json()).fieldErrors).toEqual({ "asks.value": "Choose a value from the list" });

    // Adding, moving and removing a criterion sends the form back rearranged, keeping what was typed and saving nothing.
    const moved = await (
      (await newAction({
        request: post("/workshops/exercises/new", lead, { ...LOST_KEYS, intent: "up:asks" }),
        params: {},
        context: {},
      })) as Response
    ).json();
    expect(moved.values.criteria).toEqual(["asks", "calm"]);
    expect(moved.values["calm.level4"]).toBe("Calm and finds out what matters");
    const more = await (
      (await newAction({
        request: post("/workshops/exercises/new", lead, { ...LOST_KEYS, intent: "add" }),
        params: {},
        context: {},
      })) as Response
    ).json();
    expect(more.values.criteria).toHaveLength(3);
    const fewer = await (
      (await newAction({
        request: post("/workshops/exercises/new", lead, { ...LOST_KEYS, intent: "remove:calm" }),
        params: {},
        context: {},
      })) as Response
    ).json();
    expect(fewer.values.criteria).toEqual(["asks"]);
    expect(fewer.values["calm.name"]).toBeUndefined();
    const library = await libraryLoader({ request: get("/workshops/exercises", lead), params: {}, context: {} });
    expect(library.exercises.map((e) => e.title)).not.toContain("Lost keys");

    const { exerciseId } = await addLostKeys(org.orgId, org.leadId);
    const page = await exerciseLoader({ request: get(`/workshops/exercises/${exerciseId}`, lead), params: { exerciseId }, context: {} });
    expect(page.exercise.versions).toHaveLength(1);
    expect(page.exercise.versions[0]).toMatchObject({ version: 1, createdByName: "Lee Lead" });
    expect(page.exercise.versions[0].rubric.map((c) => c.criterion)).toEqual(["Stays calm and kind", "Asks before acting"]);
    const again = (await newAction({ request: post("/workshops/exercises/new", lead, LOST_KEYS), params: {}, context: {} })) as Response;
    expect((await again.json()).fieldErrors).toEqual({ title: "There is already an exercise with this title" });
  });

  it("an edit makes a new version, and a workshop scored under version 1 keeps version 1's criteria and rubric", async () => {
    const org = await insertOrg();
    const { lead, exerciseId } = await addLostKeys(org.orgId, org.leadId);
    const scoredWorkshop = await insertWorkshop(org.orgId, org.teamId);
    const freshWorkshop = await insertWorkshop(org.orgId, org.teamId);
    const [person] = await insertInvitedApplications(org.orgId, org.vacancyId, 1);
    const bookingId = await withOrg(ownerDb(), org.orgId, async (trx) => {
      await trx
        .insertInto("workshopExercises")
        .values([
          { workshopId: scoredWorkshop, exerciseId },
          { workshopId: freshWorkshop, exerciseId },
        ])
        .execute();
      await addAssessor({ trx, after: new AfterCommit() }, scoredWorkshop, org.leadId);
      await addAssessor({ trx, after: new AfterCommit() }, freshWorkshop, org.leadId);
      const booking = await trx
        .insertInto("workshopBookings")
        .values({ workshopId: scoredWorkshop, applicationId: person.applicationId, attendance: "attended" })
        .returning("id")
        .executeTakeFirstOrThrow();
      return booking.id;
    });
    await runInOrg(org.orgId, (ctx) =>
      saveScores(ctx, scoredWorkshop, org.leadId, [{ bookingId, exerciseId, criterionKey: "calm", score: 3, note: "Patient" }]),
    );
    await runInOrg(org.orgId, (ctx) => submitScores(ctx, scoredWorkshop, org.leadId));

    // The lead renames a criterion, rewrites what a 3 means, removes one and adds another.
    const edit = await editLoader({ request: get(`/workshops/exercises/${exerciseId}/edit`, lead), params: { exerciseId }, context: {} });
    expect(edit.values).toMatchObject({ title: "Lost keys", criteria: ["calm", "asks"], "calm.level3": "Calm and patient" });
    const changed: Fields = {
      ...edit.values,
      intent: "save",
      criteria: ["calm", "c_new"],
      "calm.name": "Keeps calm under pressure",
      "calm.level3": "Stays calm when she raises her voice",
      ...criterion("c_new", "Keeps her safe", "responsibility", [
        "Leaves the door open",
        "Asks a neighbour",
        "Calls the team",
        "Calls the team and records it",
      ]),
    };
    const saved = (await editAction({
      request: post(`/workshops/exercises/${exerciseId}/edit`, lead, changed),
      params: { exerciseId },
      context: {},
    })) as Response;
    expect(saved.headers.get("Location")).toBe(`/workshops/exercises/${exerciseId}?saved=1`);

    const page = await exerciseLoader({ request: get(`/workshops/exercises/${exerciseId}`, lead), params: { exerciseId }, context: {} });
    expect(page.exercise.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(page.exercise.versions[0].rubric.map((c) => c.criterion)).toEqual(["Keeps calm under pressure", "Keeps her safe"]);
    expect(page.exercise.versions[0].workshops).toEqual([]);
    expect(page.exercise.versions[1].workshops).toEqual([expect.objectContaining({ id: scoredWorkshop, scores: 1 })]);

    // The scored workshop still shows and stores version 1's wording; the unscored one uses version 2.
    const scored = await scoreLoader({
      request: get(`/workshops/${scoredWorkshop}/score`, lead),
      params: { workshopId: scoredWorkshop },
      context: {},
    });
    expect(scored.exercises[0]).toMatchObject({ version: 1 });
    expect(scored.exercises[0].rubric.map((c) => [c.criterion, c.levels["3"]])).toEqual([
      ["Stays calm and kind", "Calm and patient"],
      ["Asks before acting", "Asks what she wants"],
    ]);
    const fresh = await scoreLoader({
      request: get(`/workshops/${freshWorkshop}/score`, lead),
      params: { workshopId: freshWorkshop },
      context: {},
    });
    expect(fresh.exercises[0]).toMatchObject({ version: 2 });
    expect(fresh.exercises[0].rubric.map((c) => c.criterion)).toEqual(["Keeps calm under pressure", "Keeps her safe"]);
    const result = await withOrg(getDb(), org.orgId, (trx) => findWorkshopResult(trx, person.applicationId, org.leadId));
    expect(result && !result.hidden ? result.notes : null).toEqual([
      { exercise: "Lost keys", criterion: "Stays calm and kind", note: "Patient" },
    ]);

    // The edit is in the audit log with what changed, before and after.
    const audit = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("auditLog").select(["action", "before", "after"]).where("subjectId", "=", exerciseId).orderBy("id").execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(["exercise.created", "exercise.edited"]);
    expect(audit[1].before).toMatchObject({ version: 1 });
    expect(audit[1].after).toMatchObject({ version: 2 });
    expect(Object.keys(audit[1].after as object).sort()).toEqual(["rubric", "version"]);
  });

  it("refuses a score sent from a page showing a version that has since changed", async () => {
    const org = await insertOrg();
    const { lead, exerciseId } = await addLostKeys(org.orgId, org.leadId);
    const workshopId = await insertWorkshop(org.orgId, org.teamId);
    const [person] = await insertInvitedApplications(org.orgId, org.vacancyId, 1);
    const bookingId = await withOrg(ownerDb(), org.orgId, async (trx) => {
      await trx.insertInto("workshopExercises").values({ workshopId, exerciseId }).execute();
      await addAssessor({ trx, after: new AfterCommit() }, workshopId, org.leadId);
      const b = await trx
        .insertInto("workshopBookings")
        .values({ workshopId, applicationId: person.applicationId, attendance: "attended" })
        .returning("id")
        .executeTakeFirstOrThrow();
      return b.id;
    });
    const before = await scoreLoader({ request: get(`/workshops/${workshopId}/score`, lead), params: { workshopId }, context: {} });
    const edit = await editLoader({ request: get(`/workshops/exercises/${exerciseId}/edit`, lead), params: { exerciseId }, context: {} });
    await editAction({
      request: post(`/workshops/exercises/${exerciseId}/edit`, lead, { ...edit.values, intent: "save", "calm.level1": "Hurries her" }),
      params: { exerciseId },
      context: {},
    });
    await expect(
      runInOrg(org.orgId, (ctx) =>
        saveScores(ctx, workshopId, org.leadId, [{ bookingId, exerciseId, criterionKey: "calm", score: 2, note: "" }], {
          [exerciseId]: before.exercises[0].versionId,
        }),
      ),
    ).rejects.toMatchObject({ code: "changed" });
  });

  it("an archived exercise leaves the choices for new workshops, stays with the workshops that have it, and can be restored", async () => {
    const org = await insertOrg();
    const { lead, exerciseId } = await addLostKeys(org.orgId, org.leadId);
    const workshopId = await insertWorkshop(org.orgId, org.teamId);
    await withOrg(ownerDb(), org.orgId, (trx) => trx.insertInto("workshopExercises").values({ workshopId, exerciseId }).execute());
    await withOrg(ownerDb(), org.orgId, (trx) => addAssessor({ trx, after: new AfterCommit() }, workshopId, org.leadId));
    // The new-workshop form offers it; the lead loads the form, then the exercise is archived.
    const choices = async () => (await workshopsLoader({ request: get("/workshops", lead), params: {}, context: {} })).exercises;
    expect((await choices()).map((e) => e.title)).toContain("Lost keys");
    const setArchived = (intent: string) =>
      exerciseAction({
        request: post(`/workshops/exercises/${exerciseId}`, lead, { intent }),
        params: { exerciseId },
        context: {},
      }) as Promise<Response>;
    const archived = await setArchived("archive");
    expect(archived.status).toBe(302);
    expect(archived.headers.get("Location")).toBe("/workshops/exercises?archived=1");
    expect(await setArchived("archive")).toMatchObject({ status: 302 }); // again: nothing more happens

    const library = await libraryLoader({ request: get("/workshops/exercises", lead), params: {}, context: {} });
    expect(library.exercises.map((e) => e.title)).not.toContain("Lost keys");
    expect(library.archived).toEqual([{ id: exerciseId, title: "Lost keys" }]);
    expect((await choices()).map((e) => e.title)).not.toContain("Lost keys");
    const page = await exerciseLoader({ request: get(`/workshops/exercises/${exerciseId}`, lead), params: { exerciseId }, context: {} });
    expect(page.exercise.archivedAt).not.toBeNull();

    // A form loaded before the archiving is refused beside the field, with what was typed kept.
    const form = {
      date: "2030-01-10",
      startTime: "09:00",
      endTime: "12:00",
      venueName: "Church hall",
      venueAddress: "1 High Street",
      directions: "",
      accessibility: "Step-free",
      capacity: "12",
      teamIds: [org.teamId],
      exerciseIds: [exerciseId],
    };
    const refused = (await workshopsAction({ request: post("/workshops", lead, form), params: {}, context: {} })) as Response;
    expect(refused.status).toBe(409);
    const answer = await refused.json();
    expect(answer.fieldErrors.exerciseIds).toMatch(/"Lost keys" has been archived/);
    expect(answer.values).toMatchObject({ venueName: "Church hall", exerciseIds: [exerciseId] });
    const workshops = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("workshops").select("id").where("orgId", "=", org.orgId).execute(),
    );
    expect(workshops.map((w) => w.id)).toEqual([workshopId]);

    // The workshop that already had it still scores it.
    const scoring = await scoreLoader({ request: get(`/workshops/${workshopId}/score`, lead), params: { workshopId }, context: {} });
    expect(scoring.exercises.map((e) => e.title)).toEqual(["Lost keys"]);

    // Restored, it is a choice again; both changes are in the audit log, once each.
    const restored = await setArchived("restore");
    expect(restored.headers.get("Location")).toBe(`/workshops/exercises/${exerciseId}?restored=1`);
    expect((await choices()).map((e) => e.title)).toContain("Lost keys");
    const created = (await workshopsAction({ request: post("/workshops", lead, form), params: {}, context: {} })) as Response;
    expect(created.status).toBe(302);
    const audit = await withOrg(ownerDb(), org.orgId, (trx) =>
      trx.selectFrom("auditLog").select("action").where("subjectId", "=", exerciseId).orderBy("id").execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(["exercise.created", "exercise.archived", "exercise.restored"]);
  });
});
