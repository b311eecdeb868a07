import { ADJUSTMENTS } from "#app/domain/applications/application-options.js";

/**
 * The adjustments a candidate asked for, in their own words, for everyone they meet (the
 * application form tells them so): the lead, the shadow host, the team who vote and the buddy.
 * Nothing when they asked for none.
 */
export function Adjustments({ adjustments, note, id }: { adjustments: readonly string[]; note: string; id: string }) {
  if (!adjustments.length && !note) return null;
  return (
    <section className="notice" aria-labelledby={id}>
      <h2 id={id}>Adjustments they asked for</h2>
      {adjustments.length ? (
        <ul>
          {adjustments.map((key) => (
            <li key={key}>{ADJUSTMENTS[key as keyof typeof ADJUSTMENTS] ?? key}</li>
          ))}
        </ul>
      ) : null}
      {note ? <p>In their words: “{note}”</p> : null}
    </section>
  );
}

/** The same, in one line for a table cell. */
export function AdjustmentsLine({ adjustments, note }: { adjustments: readonly string[]; note: string }) {
  if (!adjustments.length && !note) return null;
  const asked = adjustments.map((key) => ADJUSTMENTS[key as keyof typeof ADJUSTMENTS] ?? key);
  return <p className="muted">Asked for: {[...asked, note ? `“${note}”` : ""].filter(Boolean).join("; ")}</p>;
}
