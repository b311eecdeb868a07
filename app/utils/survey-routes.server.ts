import { redirect } from "@remix-run/node";
import { surveyPages } from "#app/domain/survey/survey.schema.js";
import { loadSurvey, saveSurveyPage } from "#app/domain/survey/take-survey.server.js";
import { type SurveyContext, surveyErrorResponse } from "./survey-respondent.server.js";
import { formValues } from "./validation.js";
import { readForm } from "./form.server.js";

// Loaders and actions shared by the candidate's survey (/me/survey/:id) and a team member's
// (/team-survey/:token): the same pages, saved the same way.

/** The survey's start: resume at the first page with an unanswered item. */
export async function resumeSurvey(ctx: SurveyContext) {
  const state = await ctx.scoped((trx) => loadSurvey(trx, ctx.respondent)).catch(surveyErrorResponse);
  if (state.completed || state.resumeAt === null) throw redirect(`${ctx.base}/done`);
  throw redirect(`${ctx.base}/${state.resumeAt + 1}`);
}

function pageIndex(param: string | undefined, pageCount: number) {
  const n = Number(param);
  if (!Number.isInteger(n) || n < 1 || n > pageCount) throw new Response("That survey page does not exist.", { status: 404 });
  return n - 1;
}

export async function loadSurveyPage(ctx: SurveyContext, pageParam: string | undefined) {
  const state = await ctx.scoped((trx) => loadSurvey(trx, ctx.respondent)).catch(surveyErrorResponse);
  if (state.completed) throw redirect(`${ctx.base}/done`);
  if (!state.open) throw new Response("This application has closed, so the survey is no longer open.", { status: 409 });
  const pages = surveyPages(state.version.definition);
  const index = pageIndex(pageParam, pages.length);
  return {
    page: pages[index],
    pageNumber: index + 1,
    pageCount: pages.length,
    answers: state.answers,
    backTo: index > 0 ? `${ctx.base}/${index}` : null,
  };
}

export async function saveSurveyPageAction(ctx: SurveyContext, pageParam: string | undefined, request: Request) {
  const submitted = formValues(await readForm(request));
  const n = Number(pageParam);
  if (!Number.isInteger(n) || n < 1) throw new Response("That survey page does not exist.", { status: 404 });
  const result = await ctx.run((uc) => saveSurveyPage(uc, ctx.respondent, n - 1, submitted, ctx.actorName)).catch(surveyErrorResponse);
  if (!result.ok) {
    // Keep what was chosen on this page, so nothing is lost when the server names what is missing.
    const values = Object.fromEntries(Object.entries(submitted).filter((e): e is [string, string] => typeof e[1] === "string"));
    return Response.json({ fieldErrors: result.fieldErrors, values }, { status: 400 });
  }
  if (!result.completed) throw redirect(`${ctx.base}/${result.nextPage + 1}`);
  throw redirect(`${ctx.base}/done`);
}
