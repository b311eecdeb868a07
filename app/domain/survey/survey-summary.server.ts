import type { Tx } from "#db/client.js";
import { countAnswers, findSurveyResponseForApplication } from "#db/queries/surveys.js";
import { findComparisonProfiles } from "./member-survey.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";
import { type SurveyProfile, strongestValues, valuesBelow } from "./scoring.js";
import { findLiveSurvey, findSurveyVersion } from "./survey-versions.server.js";

export type SurveyState = "not_started" | "in_progress" | "complete";

export const SURVEY_STATE_LABELS: Record<SurveyState, string> = {
  not_started: "Survey not started",
  in_progress: "Survey in progress",
  complete: "Survey complete",
};

/** What staff see of a candidate's survey: their profile against the team's and the organisation's. */
export async function findSurveySummary(trx: Tx, applicationId: string, teamId: string) {
  const [response, settings] = await Promise.all([findSurveyResponseForApplication(trx, applicationId), getOrgSettings(trx)]);
  if (!response) {
    const live = await findLiveSurvey(trx);
    return { state: "not_started" as const, answered: 0, total: live.definition.items.length, threshold: settings.surveyThreshold };
  }
  if (!response.completedAt) {
    // Counted against the version they started, which may differ from the live one.
    const [answered, started] = await Promise.all([countAnswers(trx, response.id), findSurveyVersion(trx, response.versionId)]);
    return {
      state: "in_progress" as const,
      answered,
      total: started.definition.items.length,
      threshold: settings.surveyThreshold,
      startedAt: response.startedAt,
    };
  }
  const profile = response.profile as SurveyProfile;
  const comparison = await findComparisonProfiles(trx, teamId);
  const scoreIn = (list: { key: string; score: number | null }[] | null, key: string) => list?.find((v) => v.key === key)?.score ?? null;
  return {
    state: "complete" as const,
    answered: profile.answered,
    total: profile.total,
    threshold: settings.surveyThreshold,
    fit: response.fit,
    outcome: response.outcome,
    version: response.version,
    completedAt: response.completedAt,
    rows: profile.values.map((v) => ({
      key: v.key,
      name: v.name,
      candidate: v.score,
      team: scoreIn(comparison.team, v.key),
      organisation: scoreIn(comparison.organisation, v.key),
    })),
    strongest: strongestValues(profile).map((v) => v.name),
    below: valuesBelow(profile, settings.surveyThreshold).map((v) => ({ name: v.name, score: v.score })),
    comparison: {
      teamAnswered: comparison.teamAnswered,
      organisationAnswered: comparison.organisationAnswered,
      minimum: comparison.minimum,
    },
  };
}

export type SurveySummary = Awaited<ReturnType<typeof findSurveySummary>>;
