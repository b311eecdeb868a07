import { describe, expect, it } from "vitest";
import { TrustProxyHops } from "./env.server.js";

describe("TRUST_PROXY", () => {
  it("is off unless set to a number of proxies", () => {
    for (const value of [undefined, "", "false", "FALSE", " false ", "0"]) {
      expect(TrustProxyHops.parse(value)).toBe(0);
    }
  });

  it("is a hop count; 'true' means the one load balancer, never every hop", () => {
    expect(TrustProxyHops.parse("1")).toBe(1);
    expect(TrustProxyHops.parse("2")).toBe(2);
    expect(TrustProxyHops.parse("true")).toBe(1);
  });

  it("refuses anything else at start-up", () => {
    for (const value of ["yes", "-1", "1.5", "loopback", "10.0.0.0/8"]) {
      expect(TrustProxyHops.safeParse(value).success).toBe(false);
    }
  });
});
