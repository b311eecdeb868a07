import { paragraphs } from "./vacancy.schema.js";

// schema.org JobPosting for Google for Jobs (https://developers.google.com/search/docs/appearance/structured-data/job-posting):
// title, description (HTML allowed), datePosted, validThrough, employmentType, hiringOrganization,
// jobLocation and baseSalary.

export type PostingVacancy = {
  id: string;
  title: string;
  summary: string;
  description: string;
  town: string;
  postcode: string | null;
  contractType: string | null;
  payMinPence: number | null;
  payMaxPence: number | null;
  closesOn: string | null;
  publishedAt: Date | string | null;
  createdAt: Date | string;
};

export const EMPLOYMENT_TYPE: Record<string, string> = {
  full_time: "FULL_TIME",
  part_time: "PART_TIME",
  fixed_term: "TEMPORARY",
  bank: "PER_DIEM",
};

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const isoDay = (value: Date | string) => new Date(value).toISOString().slice(0, 10);

/** The description as simple HTML paragraphs: the summary first, then the longer text. */
export const descriptionHtml = (v: Pick<PostingVacancy, "summary" | "description">) =>
  [v.summary, ...paragraphs(v.description)].map((p) => `<p>${escapeHtml(p)}</p>`).join("");

export function jobPosting(v: PostingVacancy, org: { name: string; url: string }) {
  const pounds = (p: number | null) => (p ? p / 100 : undefined);
  const min = pounds(v.payMinPence);
  const max = pounds(v.payMaxPence) ?? min;
  return {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: v.title,
    description: descriptionHtml(v),
    identifier: { "@type": "PropertyValue", name: org.name, value: v.id },
    datePosted: isoDay(v.publishedAt ?? v.createdAt),
    // The last day it takes applications, to the end of that day in the UK.
    ...(v.closesOn && { validThrough: `${v.closesOn}T23:59:59+00:00` }),
    ...(v.contractType && { employmentType: EMPLOYMENT_TYPE[v.contractType] }),
    hiringOrganization: { "@type": "Organization", name: org.name, sameAs: org.url },
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressLocality: v.town,
        ...(v.postcode && { postalCode: v.postcode }),
        addressCountry: "GB",
      },
    },
    ...(min && {
      baseSalary: {
        "@type": "MonetaryAmount",
        currency: "GBP",
        value:
          min === max
            ? { "@type": "QuantitativeValue", value: min, unitText: "HOUR" }
            : { "@type": "QuantitativeValue", minValue: min, maxValue: max, unitText: "HOUR" },
      },
    }),
    directApply: true,
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so the text can never close the tag. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
