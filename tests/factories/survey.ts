import { type Answers, pageItems, type SurveyDefinition, type SurveyPage, surveyPages } from "#app/domain/survey/survey.schema.js";

/** Answers for one page: the strongest answer on every item ("best") or the weakest ("worst"). */
export function pageAnswers(page: SurveyPage, how: "best" | "worst"): Answers {
  const answers: Answers = {};
  for (const item of pageItems(page)) {
    if (item.kind === "statement") {
      const agree = how === "best" ? !item.reverse : item.reverse;
      answers[item.id] = agree ? "5" : "1";
    } else {
      const total = (o: { points: Record<string, number> }) => Object.values(o.points).reduce((a, b) => a + b, 0);
      const sorted = [...item.options].sort((a, b) => total(b) - total(a));
      answers[item.id] = (how === "best" ? sorted[0] : sorted[sorted.length - 1]).id;
    }
  }
  return answers;
}

export const allPages = (definition: SurveyDefinition) => surveyPages(definition);
