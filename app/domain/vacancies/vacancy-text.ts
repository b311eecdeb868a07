// How a vacancy reads, without zod: the public vacancy page shows it before zod has loaded.

export const CONTRACT_TYPES = {
  full_time: "Permanent, full time",
  part_time: "Permanent, part time",
  fixed_term: "Fixed term",
  bank: "Bank (shifts when you choose)",
} as const;

/** The description's plain paragraphs (split on blank lines). */
export const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** "£12.50 an hour" or "£12.50 to £13.50 an hour". */
export function payText(minPence: number | null, maxPence: number | null) {
  if (!minPence) return "";
  const pounds = (p: number) => `£${(p / 100).toFixed(2)}`;
  return maxPence && maxPence !== minPence ? `${pounds(minPence)} to ${pounds(maxPence)} an hour` : `${pounds(minPence)} an hour`;
}
