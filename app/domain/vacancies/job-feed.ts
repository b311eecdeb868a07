import { payText } from "./vacancy.schema.js";
import { descriptionHtml, EMPLOYMENT_TYPE, type PostingVacancy } from "./job-posting.js";

// An XML job feed in the shape Indeed and most aggregators read (<source><job>…</job></source>),
// one per organisation. Each job's link carries ?source=<board> so an application through it says
// where it came from.

export const JOB_BOARDS = ["indeed", "adzuna", "reed", "totaljobs", "google"] as const;
export type JobBoard = (typeof JOB_BOARDS)[number];
export const isJobBoard = (value: string | null): value is JobBoard => JOB_BOARDS.includes(value as JobBoard);

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
// CDATA would need "]]>" split; escaped text is simpler and every parser reads it the same.
const el = (name: string, value: string | number | null | undefined) =>
  value === null || value === undefined || value === "" ? "" : `<${name}>${xml(String(value))}</${name}>`;

export function jobFeedXml(args: {
  org: { name: string; slug: string };
  baseUrl: string;
  board: JobBoard;
  vacancies: (PostingVacancy & { status: string })[];
  now?: Date;
}) {
  const { org, baseUrl, board, vacancies } = args;
  const jobs = vacancies.map((v) => {
    const url = `${baseUrl}/o/${org.slug}/jobs/${v.id}?source=${board}`;
    return [
      "<job>",
      el("title", v.title),
      el("date", new Date(v.publishedAt ?? v.createdAt).toUTCString()),
      el("referencenumber", v.id),
      el("url", url),
      el("company", org.name),
      el("city", v.town),
      el("postalcode", v.postcode),
      el("country", "GB"),
      el("description", descriptionHtml(v)),
      el("salary", payText(v.payMinPence, v.payMaxPence)),
      el("jobtype", v.contractType ? EMPLOYMENT_TYPE[v.contractType].toLowerCase().replace("_", "-") : null),
      el("expirationdate", v.closesOn),
      "</job>",
    ].join("");
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<source>${el("publisher", org.name)}${el("publisherurl", `${baseUrl}/o/${org.slug}/jobs`)}${el("lastBuildDate", (args.now ?? new Date()).toUTCString())}${jobs.join("\n")}</source>\n`;
}
