import type { ExportSection } from "#app/domain/privacy/export-candidate.server.js";
import { formatUk } from "#app/domain/dates.js";

const LABELS: Record<string, string> = {
  fullName: "Name",
  email: "Email",
  phone: "Phone",
  createdAt: "Added",
  job: "Job",
  appliedAt: "Applied",
  stage: "Stage",
  location: "Town or postcode",
  availability: "When you could work",
  experience: "Experience",
  source: "How you heard",
  rightToWork: "Right to work in the UK",
  adjustments: "Adjustments",
  adjustmentsNote: "About your adjustments",
};

/** "futureJobsConsentAt" → "Future jobs consent at", for keys without a label of their own. */
const label = (key: string) =>
  LABELS[key] ??
  key
    .replace(/([A-Z])/g, " $1")
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "–";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return formatUk(value, { dateStyle: "long", timeStyle: "short" });
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The readable copy of a person's data: one section per kind, one list per row. */
export function PersonalDataSections({ sections }: { sections: ExportSection[] }) {
  return (
    <>
      {sections.map((section) => (
        <section key={section.table} aria-labelledby={`data-${section.table}`}>
          <h2 id={`data-${section.table}`}>{section.title}</h2>
          {section.rows.length === 0 ? <p>Nothing held.</p> : null}
          {section.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own and never reorder
            <dl key={i} className="card data-list">
              {Object.entries(row).map(([key, value]) => (
                <div key={key}>
                  <dt>{label(key)}</dt>
                  <dd>{show(value)}</dd>
                </div>
              ))}
            </dl>
          ))}
        </section>
      ))}
    </>
  );
}
