import type { ExpressionBuilder } from "kysely";
import type { Database } from "../schema.js";
import type { Tx } from "../client.js";

export type PipelineFilters = { teamId?: string; vacancyId?: string; reviewOnly?: boolean };

export function listPipeline(trx: Tx, filters: PipelineFilters) {
  let query = trx
    .selectFrom("applications")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancyId")
    .innerJoin("teams", "teams.id", "vacancies.teamId")
    .leftJoin("surveyResponses", "surveyResponses.applicationId", "applications.id")
    .select([
      "surveyResponses.startedAt as surveyStartedAt",
      "surveyResponses.completedAt as surveyCompletedAt",
      "surveyResponses.fit as surveyFit",
      "surveyResponses.outcome as surveyOutcome",
      "applications.id",
      "applications.stage",
      "applications.experience",
      "applications.stageChangedAt",
      "applications.adjustments",
      "candidates.fullName",
      "vacancies.title as vacancyTitle",
      "teams.name as teamName",
    ])
    .orderBy("applications.stageChangedAt", "desc")
    .limit(1000);
  if (filters.teamId) query = query.where("vacancies.teamId", "=", filters.teamId);
  if (filters.vacancyId) query = query.where("applications.vacancyId", "=", filters.vacancyId);
  // The review queue: finished the survey below the threshold, waiting for a lead.
  if (filters.reviewOnly) query = query.where("surveyResponses.outcome", "=", "review").where("applications.stage", "=", "survey");
  return query.execute();
}

export function findApplicationById(trx: Tx, id: string) {
  return trx
    .selectFrom("applications")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancyId")
    .innerJoin("teams", "teams.id", "vacancies.teamId")
    .selectAll("applications")
    .select([
      "candidates.fullName",
      "candidates.email",
      "candidates.phone",
      "vacancies.title as vacancyTitle",
      "teams.name as teamName",
      "teams.id as teamId",
    ])
    .where("applications.id", "=", id)
    .executeTakeFirst();
}

export function lockApplicationById(trx: Tx, id: string) {
  return trx.selectFrom("applications").select(["id", "stage"]).where("id", "=", id).forUpdate().executeTakeFirst();
}

export function listEventsForApplication(trx: Tx, applicationId: string) {
  return trx
    .selectFrom("applicationEvents")
    .select(["id", "kind", "fromStage", "toStage", "actorName", "reason", "createdAt"])
    .where("applicationId", "=", applicationId)
    .orderBy("createdAt")
    .execute();
}

/** How many pre-start checks the application's accepted offer has (narrow it with `.where`). */
const acceptedOfferChecks = (eb: ExpressionBuilder<Database, "applications">) =>
  eb
    .selectFrom("prestartChecks")
    .innerJoin("offers", "offers.id", "prestartChecks.offerId")
    .select((c) => c.fn.countAll<number>().as("n"))
    .whereRef("offers.applicationId", "=", "applications.id")
    .where("offers.status", "=", "accepted");

export function listApplicationsForCandidate(trx: Tx, candidateId: string) {
  return trx
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancyId")
    .innerJoin("teams", "teams.id", "vacancies.teamId")
    .leftJoin("surveyResponses", "surveyResponses.applicationId", "applications.id")
    .select([
      "applications.id",
      "applications.stage",
      "applications.createdAt",
      "vacancies.title",
      "vacancies.town",
      "teams.name as teamName",
      "surveyResponses.startedAt as surveyStartedAt",
      "surveyResponses.completedAt as surveyCompletedAt",
      (eb) =>
        eb.exists(eb.selectFrom("offers").select("offers.id").whereRef("offers.applicationId", "=", "applications.id")).as("hasOffer"),
      // The pre-start checks of an accepted offer: how many there are, and how many are done.
      (eb) => acceptedOfferChecks(eb).as("checksTotal"),
      (eb) => acceptedOfferChecks(eb).where("prestartChecks.status", "=", "done").as("checksDone"),
    ])
    .where("applications.candidateId", "=", candidateId)
    .orderBy("applications.createdAt", "desc")
    .execute();
}

/** Who an application's emails go to, the job's title, and whether they started the survey. */
export function findApplicationForEmail(trx: Tx, applicationId: string) {
  return trx
    .selectFrom("applications")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancyId")
    .leftJoin("surveyResponses", "surveyResponses.applicationId", "applications.id")
    .select([
      "candidates.id as candidateId",
      "candidates.email",
      "candidates.fullName",
      "vacancies.title",
      "surveyResponses.id as responseId",
    ])
    .where("applications.id", "=", applicationId)
    .executeTakeFirstOrThrow();
}

/** A candidate's own application (undefined for anyone else's): what the candidate pages start from. */
export function findOwnApplication(trx: Tx, applicationId: string, candidateId: string) {
  return trx
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancyId")
    .select(["applications.id", "applications.stage", "applications.adjustments", "applications.adjustmentsNote", "vacancies.teamId", "vacancies.title"])
    .where("applications.id", "=", applicationId)
    .where("applications.candidateId", "=", candidateId)
    .executeTakeFirst();
}
