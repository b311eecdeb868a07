import { formatDays, formatOneIn, formatPercent } from "./dashboard.js";
import { HEADLINES } from "./definitions.js";
import type { Dashboard } from "./load-dashboard.server.js";

export const CSV_SECTIONS = ["funnel", "exits", "headlines", "channels", "mix"] as const;
export type CsvSection = (typeof CSV_SECTIONS)[number];

const cell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const lines = (rows: (string | number | null | undefined)[][]) => `${rows.map((r) => r.map(cell).join(",")).join("\n")}\n`;
const rate = (v: number | null) => (v === null ? "" : (Math.round(v * 10000) / 10000).toString());

/** One section of the dashboard as CSV: the same numbers the page's charts and tables show. */
export function dashboardCsv(d: Dashboard, section: CsvSection): string {
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

/** How a headline reads on the page. */
export function formatHeadline(key: keyof typeof HEADLINES, value: number | null) {
  if (key === "workshopToHire") return formatOneIn(value);
  if (key === "timeToHire") return formatDays(value);
  return formatPercent(value);
}
