import type { UseCaseContext } from "../after-commit.js";
import { findLiveSurvey } from "../survey/survey-versions.server.js";
import { DEFAULT_EXERCISES } from "../workshops/default-exercises.js";
import { createExercise } from "../workshops/exercises.server.js";
import { insertOrganisation } from "#db/queries/organisations.js";
import { DEFAULT_SETTINGS, saveOrgSettings } from "./org-settings.server.js";

export type NewOrganisation = { slug: string; name: string; confirmed: boolean };

/**
 * Creates the organisation whose id the transaction is scoped to (the runner was given a fresh
 * id), with what every organisation starts with: the default values survey (live), the default
 * scenario exercises and the default settings. Sign-up at /start and the demo seed both call this,
 * so a new provider and the demo never differ. Returns the exercises' ids in their default order.
 */
export async function createOrganisation(ctx: UseCaseContext, org: NewOrganisation) {
  const { trx } = ctx;
  const orgId = await insertOrganisation(trx, org);
  await findLiveSurvey(trx);
  const exerciseIds: string[] = [];
  for (const exercise of DEFAULT_EXERCISES) {
    const criteria = exercise.rubric.map(({ key, criterion, value, levels }) => ({ key, criterion, value, levels }));
    exerciseIds.push(
      await createExercise(ctx, { userId: null, name: "Circle Hire" }, { title: exercise.title, brief: exercise.brief, criteria }),
    );
  }
  await saveOrgSettings(trx, DEFAULT_SETTINGS);
  return { orgId, exerciseIds };
}
