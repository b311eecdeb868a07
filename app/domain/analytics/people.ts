/**
 * The People page's disclosure rule, kept pure (and unit-tested here): which of the monitoring
 * answers' counts may be shown, and the hotspot (the group whose hire rate is furthest below the
 * overall rate).
 *
 * WHO IT PROTECTS AGAINST. Staff who can open the page know each candidate's outcome (who applied,
 * who came to a workshop, who was hired) and have met many of them. The page shows, for each answer
 * to a question (a "group", "Did not answer" being one), how many applied, came to a workshop and
 * were hired; the funnel dashboard shows the totals of each for the same filters. Nobody's answer
 * may be readable from those numbers, nor worked out from them by adding or subtracting.
 *
 * THE RULE: every number shown stands for at least MIN_GROUP (5) people; a "came" or "hired" count
 * also leaves at least 5 of its group out; no number is everyone's; and no hidden number is left
 * alone where subtracting from the dashboard's totals would give it back. A hidden number says
 * "fewer than 5" (SUPPRESSED_TEXT) and leaves the server as null, so the loader data and the CSV
 * never carry it.
 *
 * 1. Groups. A group is shown only with 5 or more applications, and only if it is not every
 *    application of the question (or every one that answered it: "everyone who answered said no"
 *    tells staff the answer of anyone they know answered). A hidden group carries no numbers at
 *    all. The groups add up to the dashboard's total, so if exactly one group is hidden the
 *    next-smallest is hidden too, or the hidden one could be worked out by subtraction.
 *
 * 2. Within a shown group, "came to a workshop" and "hired" are each shown only if at least 5 did
 *    it and at least 5 did not (applications less the count): "8 applied, 7 were hired" gives away
 *    the one who was not, as "8 applied, 1 was hired" gives away the one who was. People are hired
 *    through the workshop, so when both are shown at least 5 must also have come and not been hired
 *    (otherwise "came" is hidden, which keeps the hire rate).
 *
 * 3. Nor may a shown count be everyone in the question who came, who did not, who was hired or who
 *    was not (of all applications, or of those who answered, as in 1). If all 6 people hired said
 *    "no", then "no: 6 hired" with the dashboard's "6 hires" tells staff every hire's answer, however
 *    big the numbers are.
 *
 * 4. Across groups. The hidden counts of a measure add up to the dashboard's total less the shown
 *    ones, so if exactly one shown group's "came" (or "hired") is hidden, the next-smallest shown
 *    one of that measure is hidden too, as in 1. If only one group is shown at all and any of its
 *    counts is hidden, the group is hidden whole: only the small hidden groups are left to hide
 *    its count among, and they hold too few people to.
 *
 * WHY 0 IS HIDDEN TOO. On its own "0 of 6 were hired" says nothing about anyone that the group's
 * size does not. But if 0 were shown, "fewer than 5" would mean 1 to 4, and the dashboard's totals
 * would pin hidden counts down. With the filter source = job board there are 2 hires, and "Man" and
 * "Did not answer" both have hires hidden: each would then have to be exactly 1, and the hired man
 * would be the man who answered, his ethnic group and disability answers given away the same way
 * (the finding this rule was written for). The same goes for the other end: "all 6 came" is hidden
 * too, or a hidden "7 of 8 came" could be pinned to exactly one absentee from the total absent. So
 * "fewer than 5" means 0 to 4 (or, for a number hidden so that another cannot be worked out, any
 * number), and a group's "came" and "hired" are shown only from 5 up to its applications less 5.
 * The cost: a group of fewer than 10 shows its applications only, and "0 hired" is not shown.
 *
 * Hire rate (hired ÷ applications) is shown only when "hired" is; the hotspot is chosen among
 * groups whose rate is shown, never "prefer not to say" or "did not answer".
 *
 * LIMITS. This is the usual threshold-and-secondary-suppression method: it closes the ways of
 * reading or working out a count described above, and does not search every combination of the
 * hidden cells. The hidden groups' counts added together can still be worked out (as before: they
 * are spread over two or more answers), and an unusual mix of hidden counts that can add up in
 * only one way (two groups of 20 whose hidden hires must be 0 to 4 or 16 to 20, adding up to 8)
 * could still be narrowed down.
 */

/** Every number shown stands for at least this many people, and so does the rest of its group. */
export const MIN_GROUP = 5;
/** What a hidden number (or group) says, on the page and in the CSV. */
export const SUPPRESSED_TEXT = "fewer than 5";

/** The "did not answer" group's key (the same as NOT_ANSWERED in db/queries/people.ts). */
const NOT_ANSWERED = "not_answered";

export type GroupCounts = { key: string; label: string; applications: number; attended: number; hired: number };
/**
 * A group as it leaves the server. Suppressed: no numbers at all. Shown: its applications, and
 * attended and hired each a number or null when hidden ("fewer than 5"); hireRate is null when
 * hired is hidden.
 */
export type PeopleGroup =
  | { key: string; label: string; suppressed: true }
  | {
      key: string;
      label: string;
      suppressed: false;
      applications: number;
      attended: number | null;
      hired: number | null;
      hireRate: number | null;
    };

type Measure = "applications" | "attended" | "hired";
type Count = (g: GroupCounts) => number;

const rate = (part: number, whole: number) => (whole ? part / whole : null);
const under = (n: number) => n < MIN_GROUP;
const sum = (groups: GroupCounts[], count: Count) => groups.reduce((n, g) => n + count(g), 0);

/**
 * Applies the rule above to one question's groups. The groups must be all of the question's
 * (they add up to the totals shown elsewhere). `alwaysHide`: groups hidden whatever their counts
 * (the merged small places), still counted in the totals.
 */
export function suppress(groups: GroupCounts[], { alwaysHide = [] }: { alwaysHide?: readonly string[] } = {}): PeopleGroup[] {
  const answered = groups.filter((g) => g.key !== NOT_ANSWERED);
  /** Whether `count` of g is everyone's in the question, or everyone's who answered it (rules 1 and 3). */
  const everyone = (g: GroupCounts, count: Count) =>
    count(g) > 0 && (count(g) === sum(groups, count) || (g.key !== NOT_ANSWERED && count(g) === sum(answered, count)));

  // 1. Groups.
  const hiddenGroups = new Set(
    groups.filter((g) => under(g.applications) || everyone(g, (x) => x.applications) || alwaysHide.includes(g.key)).map((g) => g.key),
  );
  if (hiddenGroups.size === 1) {
    const next = smallest(
      groups.filter((g) => !hiddenGroups.has(g.key)),
      "applications",
    );
    if (next) hiddenGroups.add(next.key);
  }
  const shown = groups.filter((g) => !hiddenGroups.has(g.key));

  // 2 and 3. Counts within each shown group.
  const hidden = { attended: new Set<string>(), hired: new Set<string>() };
  for (const g of shown) {
    for (const m of ["attended", "hired"] as const) {
      const did: Count = (x) => x[m];
      const didNot: Count = (x) => x.applications - x[m];
      if (under(did(g)) || under(didNot(g)) || everyone(g, did) || everyone(g, didNot)) hidden[m].add(g.key);
    }
    const cameNotHired = g.attended - g.hired;
    if (!hidden.attended.has(g.key) && !hidden.hired.has(g.key) && cameNotHired >= 0 && under(cameNotHired)) {
      hidden.attended.add(g.key);
    }
  }

  // 4. Across groups.
  for (const m of ["attended", "hired"] as const) {
    const alone = shown.filter((g) => hidden[m].has(g.key));
    if (alone.length !== 1) continue;
    const next = smallest(
      shown.filter((g) => !hidden[m].has(g.key)),
      m,
    );
    if (next) hidden[m].add(next.key);
  }
  if (shown.length === 1 && (hidden.attended.size || hidden.hired.size)) hiddenGroups.add(shown[0].key);

  return groups.map((g): PeopleGroup => {
    if (hiddenGroups.has(g.key)) return { key: g.key, label: g.label, suppressed: true };
    const hired = hidden.hired.has(g.key) ? null : g.hired;
    return {
      key: g.key,
      label: g.label,
      suppressed: false,
      applications: g.applications,
      attended: hidden.attended.has(g.key) ? null : g.attended,
      hired,
      hireRate: hired === null ? null : rate(hired, g.applications),
    };
  });
}

/** The group with the smallest count of `m` (the first, on a tie), or undefined. */
function smallest(groups: GroupCounts[], m: Measure) {
  return [...groups].sort((a, b) => a[m] - b[m])[0];
}

/** Which groups can be a hotspot: not "not answered" or "prefer not to say" (no characteristic). */
const NOT_A_GROUP = new Set([NOT_ANSWERED, "prefer_not_to_say", "other_places"]);

/** The group whose shown hire rate is furthest below the overall rate, or null when none is below. */
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
