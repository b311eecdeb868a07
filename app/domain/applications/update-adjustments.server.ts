import type { UseCaseContext } from "../after-commit.js";
import { ApplicationError } from "./application.errors.js";
import type { AdjustmentsInput } from "./application.schema.js";
import { isOpen, isStage } from "./stages.js";

/**
 * A candidate changes the adjustments they asked for. Everyone they meet from then on (the shadow
 * host, the team who vote, the lead and the buddy) reads the new words; the change is on the
 * application's history, so the lead can see when it happened.
 */
export async function updateAdjustments(
  { trx }: UseCaseContext,
  input: AdjustmentsInput & { applicationId: string; candidateId: string; name: string },
) {
  const application = await trx
    .selectFrom("applications")
    .select(["id", "stage", "candidateId", "adjustments", "adjustmentsNote"])
    .where("id", "=", input.applicationId)
    .forUpdate()
    .executeTakeFirst();
  if (!application || application.candidateId !== input.candidateId || !isStage(application.stage)) {
    throw new ApplicationError("not_found", "We could not find that application.");
  }
  if (!isOpen(application.stage)) throw new ApplicationError("stale", "This application has closed, so there is nothing to change.");
  const same =
    application.adjustmentsNote === input.adjustmentsNote &&
    [...application.adjustments].sort().join() === [...input.adjustments].sort().join();
  if (same) return { changed: false };
  await trx
    .updateTable("applications")
    .set({ adjustments: input.adjustments, adjustmentsNote: input.adjustmentsNote })
    .where("id", "=", application.id)
    .execute();
  await trx
    .insertInto("applicationEvents")
    .values({
      applicationId: application.id,
      fromStage: application.stage,
      toStage: application.stage,
      actorName: input.name,
      reason: "Changed the adjustments they asked for",
      kind: "note",
    })
    .execute();
  return { changed: true };
}
