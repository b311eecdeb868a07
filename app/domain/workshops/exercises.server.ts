import { randomBytes } from "node:crypto";
import type { UseCaseContext } from "../after-commit.js";
import { recordAudit } from "../audit/record-audit.server.js";
import type { Tx } from "#db/client.js";
import { sql } from "kysely";
import type { RubricCriterion } from "#db/schema.js";
import type { ExerciseInput } from "./exercise.schema.js";

export type ExerciseActor = { userId: string | null; name: string };

/** A refused exercise change, with the form field it belongs to. */
export class ExerciseError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ExerciseError";
  }
}

/** A key for a criterion added in the form (the form names its fields by it). */
export const newCriterionKey = () => `c_${randomBytes(4).toString("hex")}`;

const wording = (v: { title: string; brief: string; rubric: RubricCriterion[] }) => ({ title: v.title, brief: v.brief, rubric: v.rubric });

async function checkInput(trx: Tx, input: ExerciseInput, valueKeys: readonly string[] | undefined, exceptId?: string) {
  // current_org_id() as well as row-level security: a script as a superuser (the seed, tests) bypasses the policy.
  let same = trx
    .selectFrom("scenarioExercises")
    .select("id")
    .where("title", "=", input.title)
    .where("orgId", "=", sql<string>`current_org_id()`);
  if (exceptId) same = same.where("id", "<>", exceptId);
  if (await same.executeTakeFirst()) throw new ExerciseError("title", "There is already an exercise with this title");
  if (valueKeys)
    for (const c of input.criteria)
      if (!valueKeys.includes(c.value)) throw new ExerciseError(`${c.key}.value`, "Choose a value from the list");
}

const rubricOf = (input: ExerciseInput): RubricCriterion[] =>
  input.criteria.map((c) => ({ key: c.key, criterion: c.criterion, value: c.value, levels: c.levels }));

/**
 * Adds an exercise to the library as its version 1. Sign-up, the demo seed and the library's form
 * all come here. `valueKeys` (the live survey's values) limits what a criterion may show.
 */
export async function createExercise({ trx }: UseCaseContext, actor: ExerciseActor, input: ExerciseInput, valueKeys?: readonly string[]) {
  await checkInput(trx, input, valueKeys);
  const rubric = rubricOf(input);
  const exercise = await trx
    .insertInto("scenarioExercises")
    .values({ title: input.title, brief: input.brief, rubric: JSON.stringify(rubric) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("scenarioExerciseVersions")
    .values({
      exerciseId: exercise.id,
      version: 1,
      title: input.title,
      brief: input.brief,
      rubric: JSON.stringify(rubric),
      createdBy: actor.userId,
    })
    .execute();
  if (actor.userId)
    await recordAudit(trx, {
      actor,
      kind: "exercise",
      action: "exercise.created",
      subjectId: exercise.id,
      summary: `Added the scenario exercise "${input.title}"`,
      after: { title: input.title, brief: input.brief, rubric },
    });
  return exercise.id;
}

/**
 * Changes an exercise by adding its next version: versions are never changed, so scores given
 * under an earlier one keep their wording, and a workshop whose scoring has started keeps the
 * version it started with. Workshops not scored yet use the new version. Saving the same wording
 * adds nothing. Returns the version now latest.
 */
export async function editExercise(
  { trx }: UseCaseContext,
  actor: ExerciseActor,
  exerciseId: string,
  input: ExerciseInput,
  valueKeys?: readonly string[],
) {
  // The exercise's row lock puts two edits one after the other, so each gets its own number.
  const exercise = await trx.selectFrom("scenarioExercises").select("id").where("id", "=", exerciseId).forUpdate().executeTakeFirst();
  if (!exercise) return null;
  const latest = await findLatestVersion(trx, exerciseId);
  await checkInput(trx, input, valueKeys, exerciseId);
  const rubric = rubricOf(input);
  const before = wording(latest);
  const after = { title: input.title, brief: input.brief, rubric };
  if (JSON.stringify(before) === JSON.stringify(after)) return latest.version;
  const version = latest.version + 1;
  await trx
    .insertInto("scenarioExerciseVersions")
    .values({ exerciseId, version, title: input.title, brief: input.brief, rubric: JSON.stringify(rubric), createdBy: actor.userId })
    .execute();
  await trx
    .updateTable("scenarioExercises")
    .set({ title: input.title, brief: input.brief, rubric: JSON.stringify(rubric) })
    .where("id", "=", exerciseId)
    .execute();
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const field of ["title", "brief", "rubric"] as const)
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      was[field] = before[field];
      now[field] = after[field];
    }
  await recordAudit(trx, {
    actor,
    kind: "exercise",
    action: "exercise.edited",
    subjectId: exerciseId,
    summary: `Changed the scenario exercise "${input.title}" (version ${version})`,
    before: { version: latest.version, ...was },
    after: { version, ...now },
  });
  return version;
}

/**
 * Archives an exercise, or restores it (`archived: false`). Archived, new workshops cannot choose
 * it; workshops that have it keep it, and their scores keep their wording. Doing it twice changes
 * nothing the second time. Returns false when there is no such exercise.
 */
export async function setExerciseArchived({ trx }: UseCaseContext, actor: ExerciseActor, exerciseId: string, archived: boolean) {
  const exercise = await trx
    .selectFrom("scenarioExercises")
    .select(["id", "title", "archivedAt"])
    .where("id", "=", exerciseId)
    .forUpdate()
    .executeTakeFirst();
  if (!exercise) return false;
  if ((exercise.archivedAt !== null) === archived) return true;
  await trx
    .updateTable("scenarioExercises")
    .set({ archivedAt: archived ? sql`now()` : null })
    .where("id", "=", exerciseId)
    .execute();
  await recordAudit(trx, {
    actor,
    kind: "exercise",
    action: archived ? "exercise.archived" : "exercise.restored",
    subjectId: exerciseId,
    summary: archived ? `Archived the scenario exercise "${exercise.title}"` : `Restored the scenario exercise "${exercise.title}"`,
  });
  return true;
}

export function findLatestVersion(trx: Tx, exerciseId: string) {
  return trx
    .selectFrom("scenarioExerciseVersions")
    .select(["id", "version", "title", "brief", "rubric", "createdAt"])
    .where("exerciseId", "=", exerciseId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
}

/**
 * An exercise with every version (newest first): who made it and when, its wording, and the
 * workshops whose scores were given under it.
 */
export async function findExerciseWithVersions(trx: Tx, exerciseId: string) {
  const exercise = await trx
    .selectFrom("scenarioExercises")
    .select(["id", "title", "archivedAt"])
    .where("id", "=", exerciseId)
    .executeTakeFirst();
  if (!exercise) return null;
  const [versions, scored] = await Promise.all([
    trx
      .selectFrom("scenarioExerciseVersions")
      .leftJoin("users", "users.id", "scenarioExerciseVersions.createdBy")
      .select([
        "scenarioExerciseVersions.id",
        "scenarioExerciseVersions.version",
        "scenarioExerciseVersions.title",
        "scenarioExerciseVersions.brief",
        "scenarioExerciseVersions.rubric",
        "scenarioExerciseVersions.createdAt",
        "users.name as createdByName",
      ])
      .where("scenarioExerciseVersions.exerciseId", "=", exerciseId)
      .orderBy("scenarioExerciseVersions.version", "desc")
      .execute(),
    trx
      .selectFrom("assessorScores")
      .innerJoin("workshops", "workshops.id", "assessorScores.workshopId")
      .select(["assessorScores.versionId", "workshops.id as workshopId", "workshops.startsAt"])
      .select((eb) => eb.fn.countAll<string>().as("scores"))
      .where("assessorScores.exerciseId", "=", exerciseId)
      .groupBy(["assessorScores.versionId", "workshops.id", "workshops.startsAt"])
      .orderBy("workshops.startsAt", "desc")
      .execute(),
  ]);
  return {
    ...exercise,
    versions: versions.map((v) => ({
      ...v,
      workshops: scored
        .filter((s) => s.versionId === v.id)
        .map((s) => ({ id: s.workshopId, startsAt: s.startsAt, scores: Number(s.scores) })),
    })),
  };
}
