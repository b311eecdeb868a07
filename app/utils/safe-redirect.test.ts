import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect.js";

describe("where sign-in sends people back to", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    for (const path of ["/", "/pipeline", "/pipeline?team=x&stage=applied", "/me#applications", "/o/oakfield/jobs/1?q=a%2Fb"]) {
      expect(safeRedirect(path, "/fallback")).toBe(path);
    }
  });

  it.each([
    ["a tab, as URLSearchParams hands it over (/%09/evil.example)", "/\t/evil.example"],
    ["a tab straight after the slash", "/\tevil"],
    ["a newline", "/\nevil"],
    ["a carriage return", "/\r/evil.example"],
    ["a backslash", "/\\evil.example"],
    ["two backslashes", "/\\\\evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["three slashes", "///evil.example"],
    ["an absolute URL", "https://evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["an encoded protocol-relative URL", "%2F%2Fevil.example"],
    ["an encoded tab still encoded once", "/%09/evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded second slash", "/%2Fevil.example"],
    ["an encoded newline", "/%0A/evil.example"],
    ["a broken escape", "/%E0%A4%A"],
    ["an empty value", ""],
    ["a relative path", "pipeline"],
  ])("refuses %s", (_, to) => {
    expect(safeRedirect(to, "/fallback")).toBe("/fallback");
  });

  it("refuses anything that is not a string", () => {
    expect(safeRedirect(null, "/fallback")).toBe("/fallback");
    expect(safeRedirect(undefined, "/fallback")).toBe("/fallback");
  });
});
