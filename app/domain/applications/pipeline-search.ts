/** How many applications one pipeline page shows. */
export const PIPELINE_PAGE_SIZE = 50;

/** A search as the database takes it: lower-case text (LIKE wildcards escaped) and the digits, for phone numbers. */
export type PipelineSearch = { text: string; digits: string | null };

/**
 * What the person typed into the pipeline's search box, ready for the query: matched anywhere in
 * the name or email address (any case), and, when it holds 3 digits or more, anywhere in the phone
 * number with spaces and other marks ignored on both sides ("07700 900123" finds "07700900123").
 */
export function pipelineSearch(raw: string | null | undefined): PipelineSearch | null {
  const text = (raw ?? "").trim().slice(0, 100).toLowerCase();
  if (!text) return null;
  const digits = text.replace(/\D/g, "");
  return { text: text.replace(/[\\%_]/g, (c) => `\\${c}`), digits: digits.length >= 3 ? digits : null };
}

/** The page asked for: 1 or more, never past the last one. */
export function pageNumber(raw: string | null | undefined, total: number) {
  const asked = /^\d{1,6}$/.test(raw ?? "") ? Number(raw) : 1;
  const last = Math.max(1, Math.ceil(total / PIPELINE_PAGE_SIZE));
  return Math.min(Math.max(asked, 1), last);
}
