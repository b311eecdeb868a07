import { describe, expect, it } from "vitest";
import { CandidateWithdrawOfferSchema, isRealDate, LeftTeamSchema, StartDateSchema, WithdrawOfferSchema } from "./offer.schema.js";
import { ukToday } from "./offer-rules.js";

const nextYear = Number(ukToday().slice(0, 4)) + 1;
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => ({ path: i.path.join("."), message: i.message })) ?? [];

describe("dates in the offer forms", () => {
  it("a real calendar day reads back the same; an impossible one does not", () => {
    expect(isRealDate("2028-02-29")).toBe(true);
    expect(isRealDate("2027-12-31")).toBe(true);
    expect(isRealDate("2026-02-31")).toBe(false);
    expect(isRealDate("2027-02-29")).toBe(false);
    expect(isRealDate("2026-04-31")).toBe(false);
    expect(isRealDate("2026-13-01")).toBe(false);
    expect(isRealDate("2026-00-10")).toBe(false);
  });

  it("an impossible start date is refused at the field (Date.parse would roll it over into March)", () => {
    const result = StartDateSchema.safeParse({ startDate: `${nextYear}-02-31` });
    expect(result.success).toBe(false);
    expect(issues(result)).toContainEqual({ path: "startDate", message: "Enter a real date for the start date" });
    expect(StartDateSchema.safeParse({ startDate: `${nextYear}-03-03` }).success).toBe(true);
  });

  it("an impossible date they left is refused at the field", () => {
    const memberId = "7d6a8f0e-1c2b-4a3d-9e8f-0a1b2c3d4e5f";
    const result = LeftTeamSchema.safeParse({ memberId, leftOn: "2025-02-30" });
    expect(result.success).toBe(false);
    expect(issues(result)).toEqual([{ path: "leftOn", message: "Enter a real date for the date they left" }]);
    expect(LeftTeamSchema.safeParse({ memberId, leftOn: "2024-02-29" }).success).toBe(true);
  });
});

describe("withdrawal reasons", () => {
  it("the candidate cannot choose the staff-only reasons; the lead can", () => {
    for (const reason of ["checks_failed", "no_reply"]) {
      expect(CandidateWithdrawOfferSchema.safeParse({ withdrawalReason: reason }).success).toBe(false);
      expect(WithdrawOfferSchema.safeParse({ withdrawalReason: reason }).success).toBe(true);
    }
    expect(CandidateWithdrawOfferSchema.safeParse({ withdrawalReason: "another_job", note: "Nearer home" }).success).toBe(true);
  });
});
