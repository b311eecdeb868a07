import * as z from "zod/mini";
import { dateFormat, UK_ZONE } from "../dates.js";

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Choose a month" }));
const optionalId = z.optional(z.union([z.literal(""), z.guid({ error: "Choose from the list" })]));

/** The dashboard's filters (a GET form, so a filtered view has a link). Empty means "all". */
export const AnalyticsFiltersSchema = z
  .object({
    from: month,
    to: month,
    regionId: optionalId,
    teamId: optionalId,
    vacancyId: optionalId,
    source: z.optional(z.string().check(z.maxLength(40))),
    experience: z.optional(z.enum(["", "experienced", "new_to_care"])),
  })
  .check(z.refine((f) => f.from <= f.to, { error: "Choose an end month after the start month", path: ["to"] }));

export type AnalyticsFilters = z.infer<typeof AnalyticsFiltersSchema>;

const monthOf = (date: Date) => dateFormat({ timeZone: UK_ZONE, year: "numeric", month: "2-digit" }, "en-CA").format(date);

/** The last 12 months up to this one. */
export function defaultFilters(now = new Date()): AnalyticsFilters {
  const to = monthOf(now);
  const [year, m] = to.split("-").map(Number);
  const fromDate = new Date(Date.UTC(year, m - 12, 1));
  return { from: `${fromDate.getUTCFullYear()}-${String(fromDate.getUTCMonth() + 1).padStart(2, "0")}`, to };
}

/** The filters from a URL's query, or the defaults; invalid values fall back to the defaults with messages. */
export function filtersFromSearch(params: URLSearchParams, now = new Date()) {
  const values = { ...defaultFilters(now), ...Object.fromEntries([...params].filter(([, v]) => v !== "")) };
  const parsed = z.safeParse(AnalyticsFiltersSchema, values);
  if (parsed.success) return { filters: parsed.data, errors: {} as Record<string, string> };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { filters: defaultFilters(now), errors };
}
