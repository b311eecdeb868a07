/** Headers every response carries. `nonce` lets Remix's own inline scripts run and nothing else. */
export function securityHeaders(nonce: string, https: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "base-uri 'none'",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Not "no-referrer": with it browsers send `Origin: null` on the site's own form posts, which
    // Remix's CSRF check (and isCrossSiteWrite, for browsers without Sec-Fetch-Site) then refuses.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Pages show personal data: no shared or back/forward cache keeps them.
    "Cache-Control": "no-store",
  };
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * True for a state-changing request sent by another site. Browsers say so in Sec-Fetch-Site;
 * older ones send Origin, which must then be this host. Requests with neither (not from a
 * browser form) are let through: they carry no victim's cookies worth forging.
 */
export function isCrossSiteWrite(method: string, headers: { get(name: string): string | null | undefined }) {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  const site = headers.get("Sec-Fetch-Site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("Origin");
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== headers.get("Host");
  } catch {
    return true;
  }
}
