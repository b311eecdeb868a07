import type { UseCaseContext } from "../after-commit.js";
import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import { listWorkshopExerciseVersions } from "#db/queries/workshops.js";
import { WorkshopError } from "./workshop.errors.js";
import { type Score, summariseScores } from "./score-aggregation.js";

export type ScoreInput = { bookingId: string; exerciseId: string; criterionKey: string; score: number; note: string };

async function findAssessor(trx: Tx, workshopId: string, userId: string) {
  return trx
    .selectFrom("workshopAssessors")
    .select(["userId", "submittedAt"])
    .where("workshopId", "=", workshopId)
    .where("userId", "=", userId)
    .executeTakeFirst();
}

export async function addAssessor({ trx }: UseCaseContext, workshopId: string, userId: string) {
  const user = await trx.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
  if (!user) return false;
  await trx
    .insertInto("workshopAssessors")
    .values({ workshopId, userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return true;
}

/**
 * Whether `userId` may see every assessor's scores for a workshop: anyone who is not one of its
 * assessors (a lead reviewing), or an assessor who has submitted their own. This is the one
 * place independent scoring is enforced; every loader that shows scores asks it.
 */
export async function canSeeAllScores(trx: Tx, workshopId: string, userId: string) {
  const assessor = await findAssessor(trx, workshopId, userId);
  return !assessor || Boolean(assessor.submittedAt);
}

/**
 * Saves an assessor's scores (a draft until they submit). Only attending candidates, only real
 * criteria. The first score saved fixes the version of each exercise the workshop uses, so every
 * score in it is given under the same wording. `shown` (exercise id to version id) is what the
 * assessor's page showed: if an exercise has changed since, nothing is saved.
 */
export async function saveScores(
  { trx }: UseCaseContext,
  workshopId: string,
  assessorId: string,
  scores: ScoreInput[],
  shown: Record<string, string> = {},
) {
  const assessor = await findAssessor(trx, workshopId, assessorId);
  if (!assessor) throw new WorkshopError("not_found", "You are not an assessor for this workshop.");
  if (assessor.submittedAt) throw new WorkshopError("closed", "You have submitted your scores, so they can no longer change.");
  // The workshop's exercise rows are locked first: an edit made meanwhile waits, or is seen here.
  await trx.selectFrom("workshopExercises").select("exerciseId").where("workshopId", "=", workshopId).forUpdate().execute();
  const [attending, exercises] = await Promise.all([
    trx
      .selectFrom("workshopBookings")
      .select("id")
      .where("workshopId", "=", workshopId)
      .where("attendance", "in", ["attended", "late"])
      .execute(),
    listWorkshopExerciseVersions(trx, workshopId),
  ]);
  if (exercises.some((e) => shown[e.id] && shown[e.id] !== e.versionId))
    throw new WorkshopError("changed", "An exercise's rubric changed while you were scoring. Check the wording below, then save again.");
  const versionOf = new Map(exercises.map((e) => [e.id, e.versionId]));
  const bookings = new Set(attending.map((b) => b.id));
  const criteria = new Set(exercises.flatMap((e) => e.rubric.map((c) => `${e.id}:${c.key}`)));
  const valid = scores
    .filter((s) => bookings.has(s.bookingId) && criteria.has(`${s.exerciseId}:${s.criterionKey}`) && s.score >= 1 && s.score <= 4)
    .map((s) => ({ ...s, versionId: versionOf.get(s.exerciseId) as string }));
  if (!valid.length) return 0;
  const scored = [...new Set(valid.map((s) => s.exerciseId))];
  for (const exerciseId of scored)
    await trx
      .updateTable("workshopExercises")
      .set({ versionId: versionOf.get(exerciseId) as string })
      .where("workshopId", "=", workshopId)
      .where("exerciseId", "=", exerciseId)
      .where("versionId", "is", null)
      .execute();
  // One row per criterion: a repeated field (a hand-made post) keeps its last value, since one
  // upsert cannot touch the same row twice.
  const unique = [...new Map(valid.map((s) => [`${s.bookingId}:${s.exerciseId}:${s.criterionKey}`, s])).values()];
  await trx
    .insertInto("assessorScores")
    .values(unique.map((s) => ({ workshopId, assessorId, ...s })))
    .onConflict((oc) =>
      oc.columns(["workshopId", "assessorId", "bookingId", "exerciseId", "criterionKey"]).doUpdateSet({
        score: (eb) => eb.ref("excluded.score"),
        note: (eb) => eb.ref("excluded.note"),
        updatedAt: sql`now()`,
      }),
    )
    .execute();
  return unique.length;
}

export async function submitScores({ trx }: UseCaseContext, workshopId: string, assessorId: string) {
  const assessor = await findAssessor(trx, workshopId, assessorId);
  if (!assessor) throw new WorkshopError("not_found", "You are not an assessor for this workshop.");
  await trx
    .updateTable("workshopAssessors")
    .set({ submittedAt: sql`coalesce(submitted_at, now())` })
    .where("workshopId", "=", workshopId)
    .where("userId", "=", assessorId)
    .execute();
}

/** Scores the viewer may see for a workshop: their own until they submit, then everyone's. */
export async function listVisibleScores(trx: Tx, workshopId: string, viewerId: string) {
  const all = await canSeeAllScores(trx, workshopId, viewerId);
  let query = trx
    .selectFrom("assessorScores")
    .innerJoin("users", "users.id", "assessorScores.assessorId")
    .select([
      "assessorScores.assessorId",
      "users.name as assessorName",
      "assessorScores.bookingId",
      "assessorScores.exerciseId",
      "assessorScores.criterionKey",
      "assessorScores.score",
      "assessorScores.note",
    ])
    .where("assessorScores.workshopId", "=", workshopId);
  if (!all) query = query.where("assessorScores.assessorId", "=", viewerId);
  return { all, scores: await query.execute() };
}

/**
 * A candidate's workshop result for the application page: submitted assessors' scores only, and
 * nothing at all for a viewer who is an assessor of that workshop and has not submitted yet.
 */
export async function findWorkshopResult(trx: Tx, applicationId: string, viewerId: string) {
  const booking = await trx
    .selectFrom("workshopBookings")
    .select(["id", "workshopId", "attendance"])
    .where("applicationId", "=", applicationId)
    .where("attendance", "in", ["attended", "late"])
    .orderBy("bookedAt", "desc")
    .executeTakeFirst();
  if (!booking) return null;
  if (!(await canSeeAllScores(trx, booking.workshopId, viewerId))) return { hidden: true as const };
  const rows = await trx
    .selectFrom("assessorScores")
    .innerJoin("workshopAssessors", (join) =>
      join
        .onRef("workshopAssessors.workshopId", "=", "assessorScores.workshopId")
        .onRef("workshopAssessors.userId", "=", "assessorScores.assessorId"),
    )
    // The wording the score was given under, not the exercise's latest.
    .innerJoin("scenarioExerciseVersions as v", "v.id", "assessorScores.versionId")
    .select([
      "assessorScores.assessorId",
      "assessorScores.exerciseId",
      "assessorScores.criterionKey",
      "assessorScores.score",
      "assessorScores.note",
      "v.title",
      "v.rubric",
    ])
    .where("assessorScores.bookingId", "=", booking.id)
    .where("workshopAssessors.submittedAt", "is not", null)
    .execute();
  const scores: Score[] = rows.map((r) => ({
    assessorId: r.assessorId,
    exerciseId: r.exerciseId,
    criterionKey: r.criterionKey,
    score: r.score,
    value: r.rubric.find((c) => c.key === r.criterionKey)?.value ?? "other",
  }));
  // The assessors' written notes, by exercise and criterion (not by assessor).
  const notes = rows
    .filter((r) => r.note.trim())
    .map((r) => ({
      exercise: r.title,
      criterion: r.rubric.find((c) => c.key === r.criterionKey)?.criterion ?? r.criterionKey,
      note: r.note,
    }));
  return { hidden: false as const, attendance: booking.attendance, notes, ...summariseScores(scores) };
}
