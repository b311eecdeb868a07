import type { Tx } from "../client.js";

export function findSurveyResponseForApplication(trx: Tx, applicationId: string) {
  return trx
    .selectFrom("surveyResponses")
    .innerJoin("surveyVersions", "surveyVersions.id", "surveyResponses.versionId")
    .select([
      "surveyResponses.id",
      "surveyResponses.versionId",
      "surveyResponses.startedAt",
      "surveyResponses.completedAt",
      "surveyResponses.fit",
      "surveyResponses.outcome",
      "surveyResponses.profile",
      "surveyVersions.version",
    ])
    .where("surveyResponses.applicationId", "=", applicationId)
    .executeTakeFirst();
}

export function countAnswers(trx: Tx, responseId: string) {
  return trx
    .selectFrom("surveyAnswers")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("responseId", "=", responseId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function isActiveMemberOfTeam(trx: Tx, userId: string, teamId: string) {
  return trx
    .selectFrom("teamMembers")
    .select("id")
    .where("userId", "=", userId)
    .where("teamId", "=", teamId)
    .where("leftOn", "is", null)
    .executeTakeFirst()
    .then(Boolean);
}
