/**
 * Post-offer drop-out and early leavers: the one definition of each (used by the offers page,
 * the analytics to come, and the tests).
 *
 * Cohort: the quarter (UK calendar) in which the offer was ACCEPTED. An offer that was only ever
 * declined was never accepted, so it is in no cohort.
 *
 * Post-offer drop-out rate = (withdrawn after acceptance + no-shows) / accepted offers
 *   - withdrawn after acceptance: the offer's status is `withdrawn` (the person accepted, then
 *     pulled out before starting, for any reason category);
 *   - no-show: status `no_show` (recorded by the lead), or still `accepted` but flagged by the
 *     no-show detector (start date more than 3 days gone, no start confirmed);
 *   - accepted offers: every offer accepted in the quarter, whatever happened next; offers still
 *     waiting to start count in the denominator, so a recent cohort's rate can still rise.
 *
 * Early-leaver rate = people who left the team within 90 days of starting / people who started
 *   (same cohort). "Within 90 days": left_on is less than 90 days after started_on. People who
 *   started less than 90 days ago and are still in post count as staying, so this too can rise.
 *
 * Both are null when there is nothing to divide by.
 */
import { londonDay } from "../london-day.js";

export type OfferOutcome = {
  acceptedAt: Date;
  status: "offered" | "accepted" | "declined" | "withdrawn" | "started" | "no_show";
  noShowFlaggedAt: Date | null;
  startedOn: string | null;
  leftOn: string | null;
};

export type CohortRates = {
  cohort: string;
  accepted: number;
  withdrawn: number;
  noShows: number;
  dropoutRate: number | null;
  started: number;
  earlyLeavers: number;
  earlyLeaverRate: number | null;
};

export const EARLY_LEAVER_DAYS = 90;
/** BelleVie's own figures, to compare against. */
export const DROPOUT_BENCHMARKS = { before: 0.38, after: 0.21 } as const;

/** "2026 Q3", by the UK calendar date of `instant`. */
export function quarterOf(instant: Date) {
  const [year, month] = londonDay(instant).split("-").map(Number);
  return `${year} Q${Math.floor((month - 1) / 3) + 1}`;
}

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export const isNoShow = (o: OfferOutcome) => o.status === "no_show" || (o.status === "accepted" && o.noShowFlaggedAt !== null);
export const isEarlyLeaver = (o: OfferOutcome) =>
  o.startedOn !== null && o.leftOn !== null && daysBetween(o.startedOn, o.leftOn) < EARLY_LEAVER_DAYS;

/** The rates per cohort, oldest quarter first. */
export function dropoutByCohort(offers: OfferOutcome[]): CohortRates[] {
  const cohorts = new Map<string, OfferOutcome[]>();
  for (const offer of offers) {
    const key = quarterOf(offer.acceptedAt);
    cohorts.set(key, [...(cohorts.get(key) ?? []), offer]);
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cohort, list]) => {
      const withdrawn = list.filter((o) => o.status === "withdrawn").length;
      const noShows = list.filter(isNoShow).length;
      const started = list.filter((o) => o.startedOn !== null).length;
      const earlyLeavers = list.filter(isEarlyLeaver).length;
      return {
        cohort,
        accepted: list.length,
        withdrawn,
        noShows,
        dropoutRate: list.length ? (withdrawn + noShows) / list.length : null,
        started,
        earlyLeavers,
        earlyLeaverRate: started ? earlyLeavers / started : null,
      };
    });
}

export const percent = (rate: number | null) => (rate === null ? "No data yet" : `${Math.round(rate * 1000) / 10}%`);
