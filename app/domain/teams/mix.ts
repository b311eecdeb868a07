import { londonDay } from "../london-day.js";

/** BelleVie's rule: about half experienced, half new to care; 40-60% is within the band. */
export const MIX_TARGET = 0.5;
export const MIX_BAND = { low: 0.4, high: 0.6 } as const;
/** A team of 5-8 is healthy; at 12 it should plan to split. */
export const TEAM_SPLIT_POINT = 12;
export const TEAM_MIN_SIZE = 5;

/** An organisation's target share of experienced members and its tolerance band, as fractions 0-1. */
export type MixBand = { low: number; high: number; target: number };
export const DEFAULT_MIX_BAND: MixBand = { ...MIX_BAND, target: MIX_TARGET };

/** The band from the organisation's settings (whole percentages). */
export const mixBandFromSettings = (s: { mixTarget: number; mixBandLow: number; mixBandHigh: number }): MixBand => ({
  low: s.mixBandLow / 100,
  high: s.mixBandHigh / 100,
  target: s.mixTarget / 100,
});

const pct = (fraction: number) => Math.round(fraction * 100);

/** The band in whole percentages, for the pages. */
export const bandPercent = (band: MixBand) => ({ low: pct(band.low), high: pct(band.high), target: pct(band.target) });

export type MixStatus = "balanced" | "needs_experienced" | "needs_new_to_care" | "empty";

export type TeamMix = {
  size: number;
  experienced: number;
  newToCare: number;
  /** Share experienced, 0-1; null for an empty team. */
  experiencedShare: number | null;
  status: MixStatus;
  summary: string;
};

/** A team's mix against a band (the organisation's; BelleVie's 40-60% by default). Integer maths, so 4 of 10 is exactly 40%. */
export function teamMix(experienced: number, size: number, band: Pick<MixBand, "low" | "high"> = MIX_BAND): TeamMix {
  const newToCare = size - experienced;
  if (size === 0) {
    return { size, experienced, newToCare, experiencedShare: null, status: "empty", summary: "No members yet" };
  }
  const share = experienced / size;
  const status =
    experienced * 100 < pct(band.low) * size
      ? "needs_experienced"
      : experienced * 100 > pct(band.high) * size
        ? "needs_new_to_care"
        : "balanced";
  const percent = Math.round(share * 100);
  const summary = `${experienced} experienced, ${newToCare} new to care (${percent}% experienced)`;
  return { size, experienced, newToCare, experiencedShare: share, status, summary };
}

/** What each status means, for a band (the organisation's; 40-60% by default). */
export function mixStatusText(band: Pick<MixBand, "low" | "high"> = MIX_BAND): Record<MixStatus, string> {
  return {
    balanced: `Within the ${pct(band.low)}-${pct(band.high)}% band`,
    needs_experienced: "Needs experienced people most",
    needs_new_to_care: "Needs people new to care most",
    empty: "No members yet",
  };
}

/** The line leads see next to a team's vacancies. */
export const TEAM_NEEDS_TEXT: Record<MixStatus, string> = {
  balanced: "This team is in balance",
  needs_experienced: "This team needs experienced people most",
  needs_new_to_care: "This team needs new-to-care people most",
  empty: "This team has no members yet",
};

/**
 * Which kind of hire moves a team towards its target: below the target, an experienced person;
 * above it, someone new to care; exactly on it (or empty), either.
 */
export function hireNeeded(experienced: number, size: number, target = MIX_TARGET): "experienced" | "new_to_care" | "either" {
  if (size === 0) return "either";
  const diff = experienced * 100 - pct(target) * size;
  return diff < 0 ? "experienced" : diff > 0 ? "new_to_care" : "either";
}

export const HIRE_TEXT: Record<ReturnType<typeof hireNeeded>, string> = {
  experienced: "an experienced person",
  new_to_care: "someone new to care",
  either: "either an experienced person or someone new to care",
};

export type AlertKind = "out_of_band" | "split" | "too_small";

/**
 * The conditions the lead is told about: out of the band, at the split point, below the minimum.
 * A team with no members yet raises none (it is being built, not drifting).
 */
export function alertKinds(experienced: number, size: number, band: MixBand = DEFAULT_MIX_BAND): AlertKind[] {
  if (size === 0) return [];
  const kinds: AlertKind[] = [];
  if (teamMix(experienced, size, band).status !== "balanced") kinds.push("out_of_band");
  if (size >= TEAM_SPLIT_POINT) kinds.push("split");
  if (size < TEAM_MIN_SIZE) kinds.push("too_small");
  return kinds;
}

/** One sentence per alert, saying what happened and which hire helps. */
export function alertText(kind: AlertKind, experienced: number, size: number, band: MixBand = DEFAULT_MIX_BAND) {
  const mix = teamMix(experienced, size, band);
  const hire = HIRE_TEXT[hireNeeded(experienced, size, band.target)];
  const share = `${Math.round((mix.experiencedShare ?? 0) * 100)}% experienced`;
  switch (kind) {
    case "out_of_band":
      return `${share}, outside the ${pct(band.low)}-${pct(band.high)}% band: the next hire should be ${hire}.`;
    case "split":
      return `${size} members: time to plan a split into two teams. Until then, any hire should be ${hire} (${share}).`;
    case "too_small":
      return `Only ${size} members, below the healthy minimum of ${TEAM_MIN_SIZE}: hire ${hire} first (${share}).`;
  }
}

export const ALERT_TITLES: Record<AlertKind, string> = {
  out_of_band: "Mix outside the band",
  split: "Time to plan a split",
  too_small: "Below the minimum size",
};

export function sizeNote(size: number) {
  if (size >= TEAM_SPLIT_POINT) return `At ${size} members: time to plan a split`;
  if (size < TEAM_MIN_SIZE) return `Only ${size} members: below the healthy minimum of ${TEAM_MIN_SIZE}`;
  return `${size} of ${TEAM_SPLIT_POINT} before a split`;
}

/**
 * What one hire does to a team's mix, for the people voting on it:
 * "Today 4 experienced, 6 new to care (40% experienced). With this hire: 4 experienced, 7 new to care (36% experienced)."
 */
export function mixAfterHire(
  experienced: number,
  size: number,
  hire: "experienced" | "new_to_care",
  band: Pick<MixBand, "low" | "high"> = MIX_BAND,
) {
  const before = teamMix(experienced, size, band);
  const after = teamMix(experienced + (hire === "experienced" ? 1 : 0), size + 1, band);
  return {
    before,
    after,
    text: `Today ${before.summary}. With this hire: ${after.summary}, ${mixStatusText(band)[after.status].toLowerCase()}.`,
    size: sizeNote(after.size),
  };
}

export type Snapshot = { takenOn: string; size: number; experienced: number };
export type MonthPoint = {
  /** "2026-11" */
  month: string;
  /** "Nov 2026" */
  label: string;
  size: number | null;
  experienced: number | null;
  /** Whole percent experienced; null with no members or no record yet. */
  percent: number | null;
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The last `months` calendar months up to the one containing `today` ("YYYY-MM-DD"), oldest first:
 * each month shows the team as it stood at the month's last snapshot; a month without one carries
 * the previous snapshot forward (nothing changed), and months before the first snapshot are empty.
 */
export function monthlySeries(snapshots: Snapshot[], today: string, months = 12): MonthPoint[] {
  const sorted = [...snapshots].sort((a, b) => a.takenOn.localeCompare(b.takenOn));
  const [year, month] = today.split("-").map(Number);
  const points: MonthPoint[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const key = `${y}-${String(m).padStart(2, "0")}`;
    let last: Snapshot | undefined;
    for (const s of sorted) {
      if (s.takenOn.slice(0, 7) <= key && s.takenOn <= today) last = s;
      else break;
    }
    const percent = last && last.size > 0 ? Math.round((last.experienced / last.size) * 100) : null;
    points.push({ month: key, label: `${MONTHS[m - 1]} ${y}`, size: last?.size ?? null, experienced: last?.experienced ?? null, percent });
  }
  return points;
}

/** Today's date in the UK ("YYYY-MM-DD"): snapshots and digests follow the UK calendar. */
export const londonDate = (now: Date) => londonDay(now);

/** The Monday of a date's week ("YYYY-MM-DD"): the weekly digest's key, one email per lead per week. */
export function mondayOf(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
