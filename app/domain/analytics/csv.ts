import { formatDays, formatOneIn, formatPercent } from "./dashboard.js";
import { HEADLINES } from "./definitions.js";
import type { Dashboard } from "./load-dashboard.server.js";
import { SUPPRESSED_TEXT } from "./people.js";
import type { People } from "./people.server.js";

export const CSV_SECTIONS = ["funnel", "exits", "headlines", "channels", "mix", "people"] as const;
export type CsvSection = (typeof CSV_SECTIONS)[number];
/** The sections written from loadDashboard's object ("people" comes from loadPeople: peopleCsv). */
export type DashboardCsvSection = Exclude<CsvSection, "people">;

const cell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const lines = (rows: (string | number | null | undefined)[][]) => `${rows.map((r) => r.map(cell).join(",")).join("\n")}\n`;
const rate = (v: number | null) => (v === null ? "" : (Math.round(v * 10000) / 10000).toString());

/** One section of the dashboard as CSV: the same numbers the page's charts and tables show. */
export function dashboardCsv(d: Dashboard, section: DashboardCsvSection): string {
  switch (section) {
    case "funnel":
      return lines([
        ["step", "reached", "conversion_from_previous", "share_of_applications"],
        ...d.funnel.map((s) => [s.label, s.reached, rate(s.conversion), rate(s.shareOfApplied)]),
      ]);
    case "exits":
      return lines([
        ["stage", "withdrew", "declined", "share_of_applications", "reason", "kind", "count"],
        ...d.exits.flatMap((e) =>
          e.reasons.length
            ? e.reasons.map((r) => [e.label, e.withdrawn, e.declined, rate(e.share), r.reason, r.kind, r.n])
            : [[e.label, e.withdrawn, e.declined, rate(e.share), "", "", ""]],
        ),
      ]);
    case "headlines":
      return lines([
        ["figure", "quarter", "value"],
        ...d.headlines.flatMap((h) => [
          [HEADLINES[h.key].label, "whole period", h.value === null ? "" : Math.round(h.value * 10000) / 10000],
          ...h.trend.map((p) => [HEADLINES[h.key].label, p.quarter, p.value === null ? "" : Math.round(p.value * 10000) / 10000]),
        ]),
      ]);
    case "channels":
      return lines([
        ["channel", "applications", "hires", "in_post_at_90_days", "hire_rate"],
        ...d.channels.map((c) => [c.label, c.applications, c.hires, c.inPost90, rate(c.hireRate)]),
      ]);
    case "mix":
      return lines([
        ["team", "region", "members", "experienced", "new_to_care", "share_experienced", "status"],
        ...d.mix.teams.map((t) => [t.name, t.regionName, t.size, t.experienced, t.newToCare, rate(t.experiencedShare), t.status]),
      ]);
  }
}

/**
 * The People section as CSV, as the page shows it (the rule is in people.ts): a suppressed group says
 * "fewer than 5" and carries no numbers; a hidden count says "fewer than 5", and its hire rate is left
 * empty. No hidden number is written: the loader data has none.
 */
export function peopleCsv(p: People): string {
  const count = (n: number | null) => (n === null ? SUPPRESSED_TEXT : n);
  return lines([
    ["question", "group", "applications", "attended_workshop", "hired", "hire_rate"],
    ...p.questions.flatMap((q) =>
      q.groups.map((g) =>
        g.suppressed
          ? [q.topic, g.label, SUPPRESSED_TEXT, "", "", ""]
          : [q.topic, g.label, g.applications, count(g.attended), count(g.hired), rate(g.hireRate)],
      ),
    ),
  ]);
}

/** How a headline reads on the page. */
export function formatHeadline(key: keyof typeof HEADLINES, value: number | null) {
  if (key === "workshopToHire") return formatOneIn(value);
  if (key === "timeToHire") return formatDays(value);
  return formatPercent(value);
}
