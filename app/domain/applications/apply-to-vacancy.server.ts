import { findVacancyById } from "#db/queries/vacancies.js";
import type { UseCaseContext } from "../after-commit.js";
import { sendAfterCommit } from "../email/outbox.server.js";
import { planSurveyReminders } from "../survey/survey-reminders.server.js";
import { ApplicationError } from "./application.errors.js";
import type { ApplicationInput } from "./application.schema.js";

export type ApplyResult = { applicationId: string; duplicate: boolean };

/**
 * A candidate applies to an open vacancy. One candidate per email per organisation; one
 * application per candidate per vacancy: applying again changes nothing but sends them a
 * sign-in link to the application they already have.
 */
export async function applyToVacancy(ctx: UseCaseContext, vacancyId: string, input: ApplicationInput): Promise<ApplyResult> {
  const { trx } = ctx;
  const vacancy = await findVacancyById(trx, vacancyId);
  if (!vacancy) throw new ApplicationError("not_found", "We could not find that job.");
  if (vacancy.status !== "open") throw new ApplicationError("vacancy_closed", "This job is no longer taking applications.");

  const candidate = await trx
    .insertInto("candidates")
    .values({ email: input.email, fullName: input.fullName, phone: input.phone })
    .onConflict((oc) => oc.columns(["orgId", "email"]).doUpdateSet({ fullName: input.fullName, phone: input.phone }))
    .returning("id")
    .executeTakeFirstOrThrow();

  const created = await trx
    .insertInto("applications")
    .values({
      candidateId: candidate.id,
      vacancyId,
      experience: input.experience,
      source: input.source,
      location: input.location,
      availability: input.availability,
      rightToWork: input.rightToWork === "yes",
      adjustments: input.adjustments,
      adjustmentsNote: input.adjustmentsNote,
    })
    .onConflict((oc) => oc.columns(["vacancyId", "candidateId"]).doNothing())
    .returning("id")
    .executeTakeFirst();

  if (!created) {
    const existing = await trx
      .selectFrom("applications")
      .select("id")
      .where("vacancyId", "=", vacancyId)
      .where("candidateId", "=", candidate.id)
      .executeTakeFirstOrThrow();
    await sendAfterCommit(ctx, { kind: "application-duplicate", applicationId: existing.id });
    return { applicationId: existing.id, duplicate: true };
  }

  await trx
    .insertInto("applicationEvents")
    .values({ applicationId: created.id, fromStage: null, toStage: "applied", actorName: input.fullName, reason: "Applied online" })
    .execute();
  await sendAfterCommit(ctx, { kind: "application-received", applicationId: created.id });
  // Applying invites the candidate to the values survey straight away; reminders follow if needed.
  await planSurveyReminders(ctx, created.id, new Date());
  return { applicationId: created.id, duplicate: false };
}
