import { FUNNEL_STEPS, type FunnelStepKey } from "./definitions.js";

/** One summed row of the monthly rollup (any grouping). */
export type FunnelCounts = Record<FunnelStepKey, number> & { noShow: number; leftWithin90: number; hireDaysSum: number };

export const emptyCounts = (): FunnelCounts => ({
  applied: 0,
  surveyCompleted: 0,
  workshopBooked: 0,
  attended: 0,
  shadowDone: 0,
  votePassed: 0,
  offerAccepted: 0,
  started: 0,
  inPost90: 0,
  noShow: 0,
  leftWithin90: 0,
  hireDaysSum: 0,
});

export function addCounts(into: FunnelCounts, row: FunnelCounts) {
  for (const key of Object.keys(into) as (keyof FunnelCounts)[]) into[key] += Number(row[key]);
  return into;
}

const ratio = (part: number, whole: number) => (whole ? part / whole : null);

/** Each step with how many reached it and the share of the step before who did. */
export function funnel(counts: FunnelCounts) {
  return FUNNEL_STEPS.map((step, index) => {
    const previous = index ? counts[FUNNEL_STEPS[index - 1].key] : null;
    return {
      key: step.key,
      label: step.label,
      definition: step.definition,
      reached: counts[step.key],
      conversion: previous === null ? null : ratio(counts[step.key], previous),
      shareOfApplied: ratio(counts[step.key], counts.applied),
    };
  });
}

/** The cohort-based headline figures from summed counts. */
export function cohortHeadlines(counts: FunnelCounts) {
  return {
    // "1 in N": attended per start. Without both there is no ratio (not "1 in 0").
    workshopToHire: counts.started && counts.attended ? counts.attended / counts.started : null,
    surveyCompletion: ratio(counts.surveyCompleted, counts.applied),
    workshopNoShow: ratio(counts.noShow, counts.attended + counts.noShow),
  };
}

/** "2026 Q3" for a cohort month "2026-07-01". */
export const quarterOfMonth = (month: string) => `${month.slice(0, 4)} Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

export const formatPercent = (value: number | null) => (value === null ? "–" : `${Math.round(value * 1000) / 10}%`);
export const formatOneIn = (value: number | null) => (value === null ? "–" : `1 in ${Math.round(value * 10) / 10}`);
export const formatDays = (value: number | null) => (value === null ? "–" : `${Math.round(value)} days`);

/** Why a cohort headline has no value ("–"): the figure it divides by is zero. */
export function cohortNoBaseReasons(counts: FunnelCounts) {
  return {
    workshopToHire: !counts.started
      ? "Nobody who applied in this period has started yet."
      : !counts.attended
        ? "No workshop attendance has been recorded for this period."
        : null,
    surveyCompletion: counts.applied ? null : "No applications in this period.",
    workshopNoShow: counts.attended + counts.noShow ? null : "Nobody has been marked at a workshop in this period.",
  };
}
