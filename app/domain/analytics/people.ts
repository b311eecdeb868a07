/**
 * The "People" section's rules, kept pure (and unit-tested): small groups are suppressed, and a
 * hotspot is the group whose hire rate is furthest below the overall rate.
 */

/** Groups with fewer people than this show no numbers, on the page or in the CSV. */
export const MIN_GROUP = 5;
export const SUPPRESSED_TEXT = "fewer than 5";

export type GroupCounts = { key: string; label: string; applications: number; attended: number; hired: number };
export type PeopleGroup =
  | { key: string; label: string; suppressed: true }
  | { key: string; label: string; suppressed: false; applications: number; attended: number; hired: number; hireRate: number | null };

const rate = (part: number, whole: number) => (whole ? part / whole : null);

/**
 * Suppresses every group under MIN_GROUP applications. The groups of a question add up to the
 * cohort's totals (shown elsewhere on the dashboard), so a single suppressed group could be worked
 * out by subtraction: when exactly one is suppressed, the next-smallest is suppressed too.
 * Suppressed groups carry no numbers at all (not just hidden ones).
 */
export function suppress(groups: GroupCounts[]): PeopleGroup[] {
  const hidden = new Set(groups.filter((g) => g.applications < MIN_GROUP).map((g) => g.key));
  if (hidden.size === 1) {
    const next = groups.filter((g) => !hidden.has(g.key)).sort((a, b) => a.applications - b.applications)[0];
    if (next) hidden.add(next.key);
  }
  return groups.map((g) =>
    hidden.has(g.key)
      ? { key: g.key, label: g.label, suppressed: true }
      : { ...g, suppressed: false, hireRate: rate(g.hired, g.applications) },
  );
}

/** Which groups can be a hotspot: not "not answered" or "prefer not to say" (no characteristic). */
const NOT_A_GROUP = new Set(["not_answered", "prefer_not_to_say", "other_places"]);

/** The shown group whose hire rate is furthest below the overall rate, or null when none is below. */
export function hotspot(groups: PeopleGroup[], overallRate: number | null) {
  if (overallRate === null) return null;
  let worst: { key: string; label: string; hireRate: number } | null = null;
  for (const g of groups) {
    if (g.suppressed || g.hireRate === null || NOT_A_GROUP.has(g.key) || g.hireRate >= overallRate) continue;
    if (!worst || g.hireRate < worst.hireRate) worst = { key: g.key, label: g.label, hireRate: g.hireRate };
  }
  return worst;
}

export function overall(groups: GroupCounts[]) {
  const applications = groups.reduce((n, g) => n + g.applications, 0);
  const hired = groups.reduce((n, g) => n + g.hired, 0);
  return { applications, hired, hireRate: rate(hired, applications) };
}
