import type { UseCaseContext } from "../after-commit.js";
import { ExerciseError } from "./exercises.server.js";
import { londonToUtc } from "./london-time.js";
import type { WorkshopInput } from "./workshop.schema.js";

/** Plans a workshop; times are entered in UK time and stored in UTC. Unknown ids are ignored by RLS-scoped look-ups. */
export async function createWorkshop({ trx }: UseCaseContext, input: WorkshopInput) {
  const workshop = await trx
    .insertInto("workshops")
    .values({
      startsAt: londonToUtc(input.date, input.startTime),
      endsAt: londonToUtc(input.date, input.endTime),
      venueName: input.venueName,
      venueAddress: input.venueAddress,
      directions: input.directions,
      accessibility: input.accessibility,
      capacity: input.capacity,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Only this organisation's teams and exercises: another organisation's ids match nothing here.
  const teams = input.teamIds.length ? await trx.selectFrom("teams").select("id").where("id", "in", input.teamIds).execute() : [];
  const exercises = input.exerciseIds.length
    ? await trx.selectFrom("scenarioExercises").select(["id", "title", "archivedAt"]).where("id", "in", input.exerciseIds).execute()
    : [];
  // Archived after the form was loaded: say so rather than plan the workshop without it.
  const archived = exercises.find((e) => e.archivedAt !== null);
  if (archived)
    throw new ExerciseError(
      "exerciseIds",
      `"${archived.title}" has been archived. Choose another exercise, or restore it in the scenario library.`,
    );
  if (teams.length)
    await trx
      .insertInto("workshopTeams")
      .values(teams.map((t) => ({ workshopId: workshop.id, teamId: t.id })))
      .execute();
  if (exercises.length) {
    await trx
      .insertInto("workshopExercises")
      .values(exercises.map((e, position) => ({ workshopId: workshop.id, exerciseId: e.id, position })))
      .execute();
  }
  return workshop.id;
}
