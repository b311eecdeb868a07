import { describe, expect, it } from "vitest";
import { scrubText } from "./logger.server.js";

describe("scrubText", () => {
  it("removes email addresses, links and random tokens", () => {
    const token = "k3J9vQ2mX8pL5nR7tY1wZ4bC6dF0gH2jK9mN3pQ5rS7";
    expect(scrubText(`duplicate key (email)=(Ann.Smith+jobs@example.co.uk) already exists`)).toBe(
      "duplicate key (email)=([email]) already exists",
    );
    expect(scrubText(`open http://localhost:3000/auth/link?token=${token} now`)).toBe("open [link] now");
    expect(scrubText(`/vote/${token}`)).toBe("/vote/[token]");
  });

  it("keeps ids: uuids, job ids and route ids", () => {
    const text =
      "job survey-reminder-5b0e5f5c-3a4e-4c49-9a3f-2b1d7c0e8a11-2 in routes/vote.$token (org 5b0e5f5c-3a4e-4c49-9a3f-2b1d7c0e8a11)";
    expect(scrubText(text)).toBe(text);
  });
});
