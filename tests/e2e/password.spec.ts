import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, readLatestEmail, uniqueEmail } from "../playwright-utils.js";

/** The reset link in an email, as a path on this site. */
function resetPath(html: string) {
  const href = [...html.matchAll(/href="([^"]+)"/g)]
    .map((m) => m[1].replaceAll("&amp;", "&"))
    .find((h) => h.includes("/reset-password?token="));
  if (!href) throw new Error("no reset link in the email");
  const url = new URL(href);
  return url.pathname + url.search;
}

test("a member of staff resets a forgotten password from the mailbox, then changes it once signed in", async ({ page, request }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("rosa");
  // An organisation of its own, so no seeded account's password changes.
  await page.goto("/start");
  await page.getByLabel("Your organisation's name").fill("Rosewood Care");
  await page.getByLabel("Web address for your careers page").fill(`rosewood-${randomBytes(3).toString("hex")}`);
  await page.getByLabel("Your name").fill("Rosa Reyes");
  await page.getByLabel("Your work email address").fill(email);
  await page.getByLabel("Choose a password").fill("rosewood first password");
  await page.getByRole("button", { name: "Create my organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your organisation is ready" })).toBeVisible();
  await page.getByRole("button", { name: /Sign out/ }).click();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter your email address");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();

  const message = await readLatestEmail(request, email, "Reset your Circle Hire password for Rosewood Care");
  await page.goto(resetPath(message.html));
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByRole("alert")).toContainText("Use at least 10 characters");
  await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill("rosewood second password");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password has changed. Sign in with your new password.");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("rosewood second password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /Sign out/ })).toBeVisible();
  await readLatestEmail(request, email, "Your Circle Hire password for Rosewood Care has changed");

  // The link works once.
  await page.goto(resetPath(message.html));
  await expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();

  await page.getByRole("link", { name: "Password", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Current password").fill("not the password");
  await page.getByLabel("New password").fill("rosewood third password");
  await page.getByRole("button", { name: "Change my password" }).click();
  await expect(page.getByRole("alert")).toContainText("Your current password is not right");
  await expectNoAxeViolations(page);
  await page.getByLabel("Current password").fill("rosewood second password");
  await page.getByLabel("New password").fill("rosewood third password");
  await page.getByRole("button", { name: "Change my password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password has changed.");
  await expect(page.getByRole("button", { name: /Sign out/ })).toBeVisible();
});
