import { sql } from "kysely";
import type { Tx } from "../client.js";

export type PipelineFilters = {
  teamId?: string;
  vacancyId?: string;
  reviewOnly?: boolean;
  /** From `pipelineSearch`: lower-case text with LIKE wildcards escaped, and the digits for phone numbers. */
  search?: { text: string; digits: string | null } | null;
};

/**
 * The applications matching the filters: joined to what the filters and the search read. The
 * search's expressions are the ones `candidates_search_*_idx` index (trigram), so it stays fast.
 */
function pipelineBase(trx: Tx, filters: PipelineFilters) {
  let query = trx
    .selectFrom("applications")
    .innerJoin("candidates", "candidates.id", "applications.candidateId")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancyId")
    .leftJoin("surveyResponses", "surveyResponses.applicationId", "applications.id");
  if (filters.teamId) query = query.where("vacancies.teamId", "=", filters.teamId);
  if (filters.vacancyId) query = query.where("applications.vacancyId", "=", filters.vacancyId);
  // The review queue: finished the survey below the threshold, waiting for a lead.
  if (filters.reviewOnly) query = query.where("surveyResponses.outcome", "=", "review").where("applications.stage", "=", "survey");
  const search = filters.search;
  if (search) {
    const like = `%${search.text}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(candidates.full_name)`, "like", like),
        eb(sql`lower(candidates.email)`, "like", like),
        ...(search.digits ? [eb(sql`regexp_replace(candidates.phone, '[^0-9]', '', 'g')`, "like", `%${search.digits}%`)] : []),
      ]),
    );
  }
  return query;
}

/** One page of the pipeline, most recently changed first (ties by id, so pages never overlap). */
export function listPipeline(trx: Tx, filters: PipelineFilters, { limit = 1000, offset = 0 } = {}) {
  return pipelineBase(trx, filters)
    .innerJoin("teams", "teams.id", "vacancies.teamId")
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
  const rows = await pipelineBase(trx, filters)
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
    .select(["applications.id", "applications.stage", "applications.adjustmentsNote", "vacancies.teamId", "vacancies.title"])
    .where("applications.id", "=", applicationId)
    .where("applications.candidateId", "=", candidateId)
    .executeTakeFirst();
}
