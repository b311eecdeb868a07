import { countAnswers, countPlaces, type GroupTotals, NOT_ANSWERED } from "#db/queries/people.js";
import { MONITORING_QUESTION_KEYS, MONITORING_QUESTIONS, MONITORING_TOPICS } from "../diversity/monitoring.js";
import type { AnalyticsFilters } from "./filters.js";
import type { Scoped } from "#db/tenant.js";
import { refreshForPage } from "./load-dashboard.server.js";
import { type GroupCounts, hotspot, MIN_GROUP, overall, suppress } from "./people.js";

const OTHER_PLACES = "other_places";

const NOT_ANSWERED_LABEL = "Did not answer the monitoring questions";

/** Every question's answers, in the form's order, then "not answered". */
const QUESTION_OPTIONS = MONITORING_QUESTION_KEYS.map((question) => ({
  question,
  options: [...Object.entries(MONITORING_QUESTIONS[question].options), [NOT_ANSWERED, NOT_ANSWERED_LABEL]] as [string, string][],
}));
const SLOTS = QUESTION_OPTIONS.flatMap(({ question, options }) => options.map(([answer]) => ({ question, answer })));

/**
 * The "People" section: for each monitoring question and for location, the cohort's applications,
 * workshop attendance and hires per group, with the disclosure rule in people.ts applied (small
 * groups suppressed, and any count of fewer than 5, or leaving fewer than 5 of its group out, hidden),
 * and the hotspot per question. Same cohort and filters as the rest of the dashboard, read from the
 * People rollup after refreshing any month whose facts changed (as the dashboard does); the answers
 * and the places are read at once, on two connections.
 * Nothing here identifies a person: a hidden count leaves this function as null, never as a number.
 */
export async function loadPeople(scoped: Scoped, f: AnalyticsFilters, refreshMaxFacts?: number) {
  const updating = await refreshForPage(scoped, refreshMaxFacts);
  const [answers, places] = await Promise.all([scoped((trx) => countAnswers(trx, f, SLOTS)), scoped((trx) => countPlaces(trx, f))]);
  const questions = QUESTION_OPTIONS.map(({ question, options }) => {
    const groups: GroupCounts[] = options.map(([key, label]) => {
      const { applications, attended, hired } = answers.find((a) => a.question === question && a.answer === key) as GroupTotals;
      return { key, label, applications, attended, hired };
    });
    return section(question, MONITORING_TOPICS[question], groups);
  });

  // Places: each named only when it has MIN_GROUP applications or more; the rest as one group, so a
  // small place's name is not shown either.
  const small = places.filter((r) => r.applications < MIN_GROUP);
  const locationGroups: GroupCounts[] = places
    .filter((r) => r.applications >= MIN_GROUP)
    .map(({ place, applications, attended, hired }) => ({ key: place, label: place, applications, attended, hired }));
  if (small.length) {
    locationGroups.push({
      key: OTHER_PLACES,
      label: "Places with fewer than 5 applications each",
      applications: small.reduce((n, r) => n + r.applications, 0),
      attended: small.reduce((n, r) => n + r.attended, 0),
      hired: small.reduce((n, r) => n + r.hired, 0),
    });
  }
  const location = section("location", "Location", locationGroups, small.length > 0);
  return { minGroup: MIN_GROUP, updating, questions: [...questions, location] };
}

function section(key: string, topic: string, counts: GroupCounts[], alwaysHideOther = false) {
  const totals = overall(counts);
  // The merged small places are never shown, whatever their sum (it would name nobody, but keeps the
  // rule simple); their counts still count in the totals the other groups are checked against.
  const groups = suppress(counts, { alwaysHide: alwaysHideOther ? [OTHER_PLACES] : [] });
  return { key, topic, overallHireRate: totals.hireRate, groups, hotspot: hotspot(groups, totals.hireRate) };
}

export type People = Awaited<ReturnType<typeof loadPeople>>;
export type PeopleQuestion = People["questions"][number];
