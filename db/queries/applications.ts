import { type ExpressionBuilder, type SelectQueryBuilder, sql } from "kysely";
import type { Tx } from "../client.js";
import type { Database } from "../schema.js";

export type PipelineFilters = {
  teamId?: string;
  vacancyId?: string;
  reviewOnly?: boolean;
  /** Only applications at one of these stages. */
  stages?: readonly string[];
  /** From `pipelineSearch`: lower-case text with LIKE wildcards escaped, and the digits for phone numbers. */
  search?: { text: string; digits: string | null } | null;
};

/**
 * Which applications match the filters and the search, as conditions on `applications` alone,
 * so counting joins nothing it does not need. The search goes through `search_candidates` (a
 * definer function: under row-level security no index could serve a LIKE), which returns ids of
 * this organisation's candidates only.
 */
function whereMatches<Q extends SelectQueryBuilder<Database, "applications", object>>(query: Q, filters: PipelineFilters): Q {
  let q = query as SelectQueryBuilder<Database, "applications", object>;
  if (filters.vacancyId) q = q.where("applications.vacancyId", "=", filters.vacancyId);
  if (filters.stages) q = q.where("applications.stage", "in", filters.stages.length ? [...filters.stages] : [""]);
  if (filters.teamId) {
    const teamId = filters.teamId;
    q = q.where("applications.vacancyId", "in", (eb) =>
      eb.selectFrom("vacancies").select("vacancies.id").where("vacancies.teamId", "=", teamId),
    );
  }
  // The review queue: finished the survey below the threshold, waiting for a lead.
  if (filters.reviewOnly) {
    q = q
      .where("applications.stage", "=", "survey")
      .where("applications.id", "in", (eb) =>
        eb.selectFrom("surveyResponses").select("surveyResponses.applicationId").where("surveyResponses.outcome", "=", "review"),
      );
  }
  const search = filters.search;
  if (search) {
    q = q.where("applications.candidateId", "in", sql<string>`(select search_candidates(${search.text}, ${search.digits}))`);
  }
  return q as Q;
}

/** One page of the pipeline, most recently changed first (ties by id, so pages never overlap). */
export function listPipeline(trx: Tx, filters: PipelineFilters, { limit = 1000, offset = 0 } = {}) {
  return whereMatches(trx.selectFrom("applications"), filters)
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
    .orderBy("applications.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many applications match the filters, per stage. */
export async function countPipeline(trx: Tx, filters: PipelineFilters) {
  const rows = await whereMatches(trx.selectFrom("applications"), filters)
    .select(["applications.stage", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy("applications.stage")
    .execute();
  return rows.map((r) => ({ stage: r.stage, count: Number(r.n) }));
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
    .select([
      "applications.id",
      "applications.stage",
      "applications.adjustments",
      "applications.adjustmentsNote",
      "vacancies.teamId",
      "vacancies.title",
    ])
    .where("applications.id", "=", applicationId)
    .where("applications.candidateId", "=", candidateId)
    .executeTakeFirst();
}
