/** BelleVie's rule: about half experienced, half new to care; 40-60% is within the band. */
export const MIX_TARGET = 0.5;
export const MIX_BAND = { low: 0.4, high: 0.6 } as const;
/** A team of 5-8 is healthy; at 12 it should plan to split. */
export const TEAM_SPLIT_POINT = 12;
export const TEAM_MIN_SIZE = 5;

export type TeamMix = {
  size: number;
  experienced: number;
  newToCare: number;
  /** Share experienced, 0-1; null for an empty team. */
  experiencedShare: number | null;
  status: "balanced" | "needs_experienced" | "needs_new_to_care" | "empty";
  summary: string;
};

export function teamMix(experienced: number, size: number): TeamMix {
  const newToCare = size - experienced;
  if (size === 0) {
    return { size, experienced, newToCare, experiencedShare: null, status: "empty", summary: "No members yet" };
  }
  const share = experienced / size;
  const status = share < MIX_BAND.low ? "needs_experienced" : share > MIX_BAND.high ? "needs_new_to_care" : "balanced";
  const percent = Math.round(share * 100);
  const summary = `${experienced} experienced, ${newToCare} new to care (${percent}% experienced)`;
  return { size, experienced, newToCare, experiencedShare: share, status, summary };
}

export const MIX_STATUS_TEXT: Record<TeamMix["status"], string> = {
  balanced: "Within the 40-60% band",
  needs_experienced: "Needs experienced people most",
  needs_new_to_care: "Needs people new to care most",
  empty: "No members yet",
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
export function mixAfterHire(experienced: number, size: number, hire: "experienced" | "new_to_care") {
  const before = teamMix(experienced, size);
  const after = teamMix(experienced + (hire === "experienced" ? 1 : 0), size + 1);
  return {
    before,
    after,
    text: `Today ${before.summary}. With this hire: ${after.summary}, ${MIX_STATUS_TEXT[after.status].toLowerCase()}.`,
    size: sizeNote(after.size),
  };
}
