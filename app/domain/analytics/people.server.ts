import type { Tx } from "#db/client.js";
import { countPeople, NOT_ANSWERED, type PeopleCountRow } from "#db/queries/people.js";
import { MONITORING_QUESTION_KEYS, MONITORING_QUESTIONS, MONITORING_TOPICS, type MonitoringQuestion } from "../diversity/monitoring.js";
import type { AnalyticsFilters } from "./filters.js";
import { type GroupCounts, hotspot, MIN_GROUP, overall, suppress } from "./people.js";

const NOT_ANSWERED_LABEL = "Did not answer the monitoring questions";
const OTHER_PLACES = "other_places";

/**
 * The "People" section: for each monitoring question and for location, the cohort's applications,
 * workshop attendance and hires per group, with small groups suppressed (see people.ts), and the
 * hotspot per question. Same cohort and filters as the rest of the dashboard (application_facts).
 * Nothing here identifies a person: only counts of MIN_GROUP or more leave this function.
 */
export async function loadPeople(trx: Tx, f: AnalyticsFilters) {
  const rows = await countPeople(trx, f);
  const count = (row: PeopleCountRow) => ({ applications: row.applications, attended: row.attended, hired: row.hired });

  const questions = MONITORING_QUESTION_KEYS.map((question: MonitoringQuestion) => {
    const found = new Map(rows.filter((r) => r[question] !== null).map((r) => [r[question] as string, count(r)]));
    const options: [string, string][] = [...Object.entries(MONITORING_QUESTIONS[question].options), [NOT_ANSWERED, NOT_ANSWERED_LABEL]];
    const groups: GroupCounts[] = options.map(([key, label]) => ({
      key,
      label,
      ...(found.get(key) ?? { applications: 0, attended: 0, hired: 0 }),
    }));
    return section(question, MONITORING_TOPICS[question], groups);
  });

  // Places: each named only when it has MIN_GROUP applications or more; the rest as one group, so a
  // small place's name is not shown either.
  const places = rows.filter((r) => r.location !== null).sort((a, b) => b.applications - a.applications);
  const small = places.filter((r) => r.applications < MIN_GROUP);
  const locationGroups: GroupCounts[] = places
    .filter((r) => r.applications >= MIN_GROUP)
    .map((r) => ({ key: r.location as string, label: r.location as string, ...count(r) }));
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
  return { minGroup: MIN_GROUP, questions: [...questions, location] };
}

function section(key: string, topic: string, counts: GroupCounts[], alwaysHideOther = false) {
  const totals = overall(counts);
  // The merged small places are never shown, whatever their sum (it would name nobody, but keeps the rule simple).
  const groups = suppress(alwaysHideOther ? counts.map((g) => (g.key === OTHER_PLACES ? { ...g, applications: 0 } : g)) : counts);
  return { key, topic, overallHireRate: totals.hireRate, groups, hotspot: hotspot(groups, totals.hireRate) };
}

export type People = Awaited<ReturnType<typeof loadPeople>>;
export type PeopleQuestion = People["questions"][number];
