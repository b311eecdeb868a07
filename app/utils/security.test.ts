import { describe, expect, it } from "vitest";
import { isCrossSiteWrite, securityHeaders } from "./security.server.js";

const headers = (h: Record<string, string>) => new Headers(h);

describe("cross-site form posts", () => {
  it("refuses a POST another site sends, by Sec-Fetch-Site or by Origin", () => {
    expect(isCrossSiteWrite("POST", headers({ "Sec-Fetch-Site": "cross-site", Host: "app.test" }))).toBe(true);
    expect(isCrossSiteWrite("POST", headers({ "Sec-Fetch-Site": "same-site", Host: "app.test" }))).toBe(true);
    expect(isCrossSiteWrite("POST", headers({ Origin: "https://evil.test", Host: "app.test" }))).toBe(true);
    expect(isCrossSiteWrite("POST", headers({ Origin: "null", Host: "app.test" }))).toBe(true);
  });

  it("lets the site's own forms and plain reads through", () => {
    expect(isCrossSiteWrite("POST", headers({ "Sec-Fetch-Site": "same-origin", Host: "app.test" }))).toBe(false);
    expect(isCrossSiteWrite("POST", headers({ Origin: "https://app.test", Host: "app.test" }))).toBe(false);
    expect(isCrossSiteWrite("GET", headers({ "Sec-Fetch-Site": "cross-site" }))).toBe(false);
  });
});

describe("security headers", () => {
  it("allow only scripts with the request's nonce and forbid framing", () => {
    const h = securityHeaders("abc123", false);
    expect(h["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc123'");
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cache-Control": "no-store" });
    expect(h["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("x", true)["Strict-Transport-Security"]).toMatch(/max-age=/);
  });
});
