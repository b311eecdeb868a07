import type { Scoped } from "#db/tenant.js";
import { hireStats, hiresByExperience, offerOutcomesByQuarter, refreshMyFunnel, sumExitReasons, sumFunnel } from "#db/queries/analytics.js";
import { listRegions, listTeams, listTeamsWithMix } from "#db/queries/teams.js";
import { listVacancies } from "#db/queries/vacancies.js";
import { SOURCES } from "../applications/application.schema.js";
import { teamMix } from "../teams/mix.js";
import { getMixBand } from "../teams/team-mix.server.js";
import { addCounts, cohortHeadlines, cohortNoBaseReasons, emptyCounts, type FunnelCounts, funnel, quarterOfMonth } from "./dashboard.js";
import { EXIT_STAGE_LABELS, HEADLINES, type HeadlineKey } from "./definitions.js";
import type { AnalyticsFilters } from "./filters.js";
import { dateFormat, UK_ZONE } from "../dates.js";

/**
 * A page rebuilds changed months of up to this many applications before reading (a month's
 * rebuild costs tens of ms even when small: see bench/README.md); bigger months are left to the
 * minute job, and the page says the latest changes are still being counted. It was 5,000 (about 150 ms): at 1M applications the latest month is
 * that small for the first days of every month, and every load after any change paid the recount
 * (279 ms p95 instead of 109 ms, issue 17). Small organisations' months stay exact on load.
 */
export const REFRESH_ON_LOAD_MAX_FACTS = 1000;

/** Brings the rollups up to date as far as a page load should; true when some months are left to the job. */
export async function refreshForPage(scoped: Scoped, maxFacts = REFRESH_ON_LOAD_MAX_FACTS) {
  return (await scoped((trx) => refreshMyFunnel(trx, maxFacts))) > 0;
}

type Point = { quarter: string; value: number | null };
/** `noBase`: why the value is "–" (what it divides by is zero), in a few words. */
export type Headline = { key: HeadlineKey; value: number | null; extra?: number | null; trend: Point[]; noBase?: string | null };

const ratio = (part: number, whole: number) => (whole ? part / whole : null);

/**
 * Everything the dashboard shows, for the signed-in organisation (the transaction is tenant-scoped)
 * and the filters. Reads the monthly rollups after refreshing changed months (refreshForPage), and
 * the facts of hires only; see ARCHITECTURE.md ("Funnel analytics").
 */
export async function loadDashboard(scoped: Scoped, f: AnalyticsFilters, now = new Date(), refreshMaxFacts?: number) {
  const updating = await refreshForPage(scoped, refreshMaxFacts);
  // Three independent parts on three connections, so PostgreSQL works on them at once.
  const [{ rows, reasons, band }, { stats, hires }, { offers, teams }] = await Promise.all([
    scoped(async (trx) => ({
      rows: await sumFunnel(trx, f),
      reasons: await sumExitReasons(trx, f),
      band: await getMixBand(trx),
    })),
    scoped(async (trx) => ({ stats: await hireStats(trx, f), hires: await hiresByExperience(trx, quarterStart(now)) })),
    scoped(async (trx) => ({ offers: await offerOutcomesByQuarter(trx, f), teams: await listTeamsWithMix(trx) })),
  ]);
  const times = stats.find((s) => s.quarterStart === null) ?? {
    hires: 0,
    percentiles: [null, null],
    toSurvey: null,
    toWorkshop: null,
    toShadow: null,
    toVote: null,
    toAccept: null,
    toStart: null,
  };
  const hireQuarters = stats
    .filter((s) => s.quarterStart !== null)
    .sort((a, b) => String(a.quarterStart).localeCompare(String(b.quarterStart)));

  const total = emptyCounts();
  const byQuarter = new Map<string, FunnelCounts>();
  const bySource = new Map<string, FunnelCounts>();
  for (const row of rows) {
    addCounts(total, row);
    const q = quarterOfMonth(row.month);
    addCounts(byQuarter.get(q) ?? (byQuarter.set(q, emptyCounts()).get(q) as FunnelCounts), row);
    addCounts(bySource.get(row.source) ?? (bySource.set(row.source, emptyCounts()).get(row.source) as FunnelCounts), row);
  }
  const quarters = [...byQuarter.keys()].sort();
  const perQuarter = (pick: (c: FunnelCounts) => number | null): Point[] =>
    quarters.map((quarter) => ({ quarter, value: pick(byQuarter.get(quarter) as FunnelCounts) }));
  const cohort = cohortHeadlines(total);
  const noBase = cohortNoBaseReasons(total);
  const offerTotals = offers.reduce(
    (t, o) => ({
      accepted: t.accepted + o.accepted,
      dropouts: t.dropouts + o.withdrawn + o.noShows,
      started: t.started + o.started,
      early: t.early + o.earlyLeavers,
    }),
    { accepted: 0, dropouts: 0, started: 0, early: 0 },
  );

  const headlines: Headline[] = [
    {
      key: "workshopToHire",
      value: cohort.workshopToHire,
      noBase: noBase.workshopToHire,
      trend: perQuarter((c) => cohortHeadlines(c).workshopToHire),
    },
    {
      key: "postOfferDropout",
      value: ratio(offerTotals.dropouts, offerTotals.accepted),
      noBase: offerTotals.accepted ? null : "No offers were accepted in this period.",
      trend: offers.map((o) => ({ quarter: o.quarter, value: ratio(o.withdrawn + o.noShows, o.accepted) })),
    },
    {
      key: "earlyLeavers",
      value: ratio(offerTotals.early, offerTotals.started),
      noBase: offerTotals.started ? null : "Nobody has started yet.",
      trend: offers.map((o) => ({ quarter: o.quarter, value: ratio(o.earlyLeavers, o.started) })),
    },
    {
      key: "timeToHire",
      value: times.percentiles?.[0] ?? null,
      extra: times.percentiles?.[1] ?? null,
      noBase: times.percentiles?.[0] == null ? "Nobody who applied in this period has started yet." : null,
      trend: hireQuarters.map((h) => ({ quarter: quarterOfMonth(h.quarterStart as string), value: h.percentiles?.[0] ?? null })),
    },
    {
      key: "surveyCompletion",
      value: cohort.surveyCompletion,
      noBase: noBase.surveyCompletion,
      trend: perQuarter((c) => cohortHeadlines(c).surveyCompletion),
    },
    {
      key: "workshopNoShow",
      value: cohort.workshopNoShow,
      noBase: noBase.workshopNoShow,
      trend: perQuarter((c) => cohortHeadlines(c).workshopNoShow),
    },
  ];

  // Who left the pipeline where, and why (the five commonest reasons at each stage).
  const exitRows = Object.keys(EXIT_STAGE_LABELS)
    .map((stage) => {
      const count = (kind: "withdrawn" | "declined") =>
        rows.reduce(
          (sum, row) => sum + Number((row as Record<string, unknown>)[`${kind}${stage[0].toUpperCase()}${stage.slice(1)}`] ?? 0),
          0,
        );
      const withdrawn = count("withdrawn");
      const declined = count("declined");
      return {
        stage,
        label: EXIT_STAGE_LABELS[stage],
        withdrawn,
        declined,
        share: ratio(withdrawn + declined, total.applied),
        reasons: reasons
          .filter((r) => r.exitStage === stage)
          .slice(0, 5)
          .map((r) => ({ kind: r.exitKind, reason: r.exitReason, n: r.n })),
      };
    })
    .filter((e) => e.withdrawn + e.declined > 0);

  const channels = Object.entries(SOURCES).map(([source, label]) => {
    const c = bySource.get(source) ?? emptyCounts();
    return { source, label, applications: c.applied, hires: c.started, inPost90: c.inPost90, hireRate: ratio(c.started, c.applied) };
  });

  const experiencedHires = hires.find((h) => h.experience === "experienced")?.n ?? 0;
  const newHires = hires.find((h) => h.experience === "new_to_care")?.n ?? 0;

  return {
    filters: f,
    /** Some changed months were too big to recount on this page load: the minute job will. */
    updating,
    funnel: funnel(total),
    exits: exitRows,
    headlines,
    stageTimes: [
      { label: "Applying to finishing the survey", days: times.toSurvey },
      { label: "Survey to attending a workshop", days: times.toWorkshop },
      { label: "Workshop to the shadow shift done", days: times.toShadow },
      { label: "Shadow shift to the vote passing", days: times.toVote },
      { label: "Vote to accepting the offer", days: times.toAccept },
      { label: "Accepting to the first day", days: times.toStart },
    ],
    hires: times.hires,
    channels,
    mix: {
      band: { low: band.low, high: band.high },
      teams: teams.map((t) => ({ id: t.id, name: t.name, regionName: t.regionName, ...teamMix(t.experienced, t.size, band) })),
      hiresThisQuarter: { experienced: experiencedHires, newToCare: newHires, share: ratio(experiencedHires, experiencedHires + newHires) },
    },
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;

/** The choices of the dashboard's filters: regions, teams and vacancies. */
export function loadFilterOptions(scoped: Scoped) {
  return scoped(async (trx) => ({ regions: await listRegions(trx), teams: await listTeams(trx), vacancies: await listVacancies(trx) }));
}

function quarterStart(now: Date) {
  const [year, month] = dateFormat({ timeZone: UK_ZONE, year: "numeric", month: "2-digit" }, "en-CA").format(now).split("-").map(Number);
  return new Date(Date.UTC(year, Math.floor((month - 1) / 3) * 3, 1));
}

export { HEADLINES };
