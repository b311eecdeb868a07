import { isSurveyOpen } from "../applications/stages.js";
import * as z from "zod/mini";
import { sql } from "kysely";
import type { Tx } from "#db/client.js";
import type { UseCaseContext } from "../after-commit.js";
import { moveApplication } from "../applications/move-application.server.js";
import { getOrgSettings } from "../organisations/org-settings.server.js";
import { scoreAnswers } from "./scoring.js";
import { SurveyError } from "./survey.errors.js";
import { cancelSurveyReminders } from "./survey-reminders.server.js";
import { findLiveSurvey, findSurveyVersion, type SurveyVersion } from "./survey-versions.server.js";
import { type Answers, firstUnansweredPage, pageAnswersSchema, surveyPages } from "./survey.schema.js";

/** Who is answering: a candidate about one application, or a team member for the team's profile. */
export type Respondent = { applicationId: string; candidateId: string } | { teamMemberId: string };

export type SurveyState = {
  version: SurveyVersion;
  responseId: string | null;
  answers: Answers;
  completed: boolean;
  /** Where to resume: the first page with an unanswered item (null when all are answered). */
  resumeAt: number | null;
  pageCount: number;
  /** For candidates: whether the application is still at a stage where the survey can be answered. */
  open: boolean;
};

async function findApplicationFor(trx: Tx, respondent: Extract<Respondent, { applicationId: string }>) {
  const application = await trx
    .selectFrom("applications")
    .select(["id", "stage", "vacancyId"])
    .where("id", "=", respondent.applicationId)
    .where("candidateId", "=", respondent.candidateId)
    .executeTakeFirst();
  if (!application) throw new SurveyError("not_found", "We could not find that application.");
  return application;
}

function findResponse(trx: Tx, respondent: Respondent) {
  const query = trx.selectFrom("surveyResponses").select(["id", "versionId", "completedAt"]);
  return (
    "applicationId" in respondent
      ? query.where("applicationId", "=", respondent.applicationId)
      : query.where("teamMemberId", "=", respondent.teamMemberId)
  ).executeTakeFirst();
}

export async function loadSurvey(trx: Tx, respondent: Respondent): Promise<SurveyState> {
  return (await readSurvey(trx, respondent)).state;
}

/** The survey's state and, for a candidate, the application it was read with (looked up once). */
async function readSurvey(trx: Tx, respondent: Respondent) {
  const application = "applicationId" in respondent ? await findApplicationFor(trx, respondent) : null;
  const response = await findResponse(trx, respondent);
  // A started survey stays on the version it started with, whatever the lead edits since.
  const version = response ? await findSurveyVersion(trx, response.versionId) : await findLiveSurvey(trx);
  const rows = response
    ? await trx.selectFrom("surveyAnswers").select(["itemId", "answer"]).where("responseId", "=", response.id).execute()
    : [];
  const answers = Object.fromEntries(rows.map((r) => [r.itemId, r.answer]));
  const pages = surveyPages(version.definition);
  const state: SurveyState = {
    version,
    responseId: response?.id ?? null,
    answers,
    completed: Boolean(response?.completedAt),
    resumeAt: firstUnansweredPage(pages, answers),
    pageCount: pages.length,
    open: application ? isSurveyOpen(application.stage) : true,
  };
  return { state, application };
}

export type SavePageResult =
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: true; completed: false; nextPage: number }
  | { ok: true; completed: true; outcome: "invited" | "review" | null };

/**
 * Saves one page's answers (changing earlier answers is allowed), and completes the survey when
 * every item is answered: scores it and applies the organisation's rule. Never rejects anyone:
 * a fit below the threshold goes to the lead's review queue.
 */
export async function saveSurveyPage(
  ctx: UseCaseContext,
  respondent: Respondent,
  pageIndex: number,
  submitted: Record<string, unknown>,
  actorName: string,
): Promise<SavePageResult> {
  const { trx } = ctx;
  const { state, application } = await readSurvey(trx, respondent);
  if (state.completed) throw new SurveyError("closed", "You have already finished the survey. Thank you.");
  if (!state.open) throw new SurveyError("closed", "This application has closed, so the survey is no longer open.");
  const pages = surveyPages(state.version.definition);
  const page = pages[pageIndex];
  if (!page) throw new SurveyError("not_found", "That survey page does not exist.");

  const parsed = z.safeParse(pageAnswersSchema(page), submitted);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors };
  }

  let responseId = state.responseId;
  if (!responseId) {
    const created = await trx
      .insertInto("surveyResponses")
      .values({
        versionId: state.version.id,
        ...("applicationId" in respondent ? { applicationId: respondent.applicationId } : { teamMemberId: respondent.teamMemberId }),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    responseId = created.id;
    // The application as read above (only this response has been written since, which leaves its stage as it was).
    if (application?.stage === "applied") {
      await moveApplication(ctx, {
        applicationId: application.id,
        to: "survey",
        actor: { userId: null, name: actorName },
        reason: "Started the values survey",
      });
    }
  }

  const answers = Object.entries(parsed.data).map(([itemId, answer]) => ({ responseId: responseId as string, itemId, answer }));
  await trx
    .insertInto("surveyAnswers")
    .values(answers)
    .onConflict((oc) =>
      oc.columns(["responseId", "itemId"]).doUpdateSet({ answer: (eb) => eb.ref("excluded.answer"), answeredAt: sql`now()` }),
    )
    .execute();

  const all = { ...state.answers, ...parsed.data };
  const next = firstUnansweredPage(pages, all);
  if (next !== null) {
    // Carry on from the page after this one, unless an earlier page still has gaps.
    return { ok: true, completed: false, nextPage: next < pageIndex ? next : Math.min(pageIndex + 1, pages.length - 1) };
  }
  return { ok: true, completed: true, outcome: await completeSurvey(ctx, respondent, responseId, state.version, all) };
}

async function completeSurvey(ctx: UseCaseContext, respondent: Respondent, responseId: string, version: SurveyVersion, answers: Answers) {
  const { trx } = ctx;
  const profile = scoreAnswers(version.definition, answers);
  if (!("applicationId" in respondent)) {
    await trx
      .updateTable("surveyResponses")
      .set({ completedAt: sql`now()`, profile: JSON.stringify(profile), fit: profile.fit })
      .where("id", "=", responseId)
      .execute();
    return null;
  }
  cancelSurveyReminders(ctx, respondent.applicationId);
  const { surveyThreshold } = await getOrgSettings(trx);
  const outcome = profile.fit !== null && profile.fit >= surveyThreshold ? "invited" : "review";
  await trx
    .updateTable("surveyResponses")
    .set({ completedAt: sql`now()`, profile: JSON.stringify(profile), fit: profile.fit, outcome })
    .where("id", "=", responseId)
    .execute();
  if (outcome === "invited") {
    await moveApplication(ctx, {
      applicationId: respondent.applicationId,
      to: "workshop",
      actor: { userId: null, name: "Values survey rule" },
      reason: `Overall fit ${profile.fit} is at or above the threshold of ${surveyThreshold}: invited to book a workshop`,
    });
  }
  return outcome;
}
