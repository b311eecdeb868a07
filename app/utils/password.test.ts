import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.server.js";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("demo-password-1");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain("demo-password-1");
    await expect(verifyPassword("demo-password-1", hash)).resolves.toBe(true);
    await expect(verifyPassword("demo-password-2", hash)).resolves.toBe(false);
    await expect(verifyPassword("demo-password-1", undefined)).resolves.toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });
});
