// Browsers drop tabs and newlines from a URL and read `\` as `/`, so "/\t/evil.example" or
// "/\\evil.example" becomes "//evil.example": another site. Refuse any such character outright.
const hasUnsafeCharacter = (path: string) =>
  Array.from(path).some((char) => char === "\\" || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
const SAME_SITE = "http://same-site.invalid";

/**
 * Safe place to go back to after sign-in: a path on this site only, else `fallback`. Checked as
 * given and once percent-decoded (a proxy or a second redirect may decode it), and resolved as
 * a browser would, which must leave the origin unchanged.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || to.length > 2048) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  for (const path of [to, decoded]) {
    if (!path.startsWith("/") || path.startsWith("//") || hasUnsafeCharacter(path)) return fallback;
    if (new URL(path, SAME_SITE).origin !== SAME_SITE) return fallback;
  }
  return to;
}
