import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, fillApplication, openVacancy, signInAsStaff, uniqueEmail, uniqueName } from "../playwright-utils.js";

// A page's title is the first thing a screen reader announces and what a tab shows: every page
// has one, error pages say what went wrong, and a form sent back with problems says so first.

test("error pages have a title that says what went wrong", async ({ page }) => {
  await test.step("an unknown address", async () => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveTitle("Page not found");
    await expectNoAxeViolations(page);
  });

  await test.step("a page the person's role cannot open", async () => {
    await signInAsStaff(page, "sam@oakfield.test");
    const response = await page.goto("/settings");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "No access" })).toBeVisible();
    await expect(page).toHaveTitle("No access");
    await page.goto("/");
    await page.getByRole("button", { name: /Sign out/ }).click();
    await expect(page.getByRole("link", { name: "Staff sign in" })).toBeVisible();
  });

  await test.step("another organisation's application", async () => {
    await signInAsStaff(page, "lead@oakfield.test");
    await page.goto("/pipeline");
    await page.locator(".board").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/pipeline\/[0-9a-f-]{36}$/);
    const oakfieldUrl = new URL(page.url()).pathname;
    await page.getByRole("button", { name: /Sign out/ }).click();
    await expect(page.getByRole("link", { name: "Staff sign in" })).toBeVisible();

    await signInAsStaff(page, "lead@riverside.test");
    const response = await page.goto(oakfieldUrl);
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle("Page not found");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a form sent back with problems starts its title with Error:", async ({ page }) => {
    await openVacancy(page, "oakfield", "Care and support worker");
    const title = await page.title();
    expect(title).toMatch(/^Care and support worker/);
    await page.getByLabel("Email address").fill("jo.example.test");
    await page.getByRole("button", { name: "Send my application" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page).toHaveTitle(`Error: ${title}`);
  });
});

test("with JavaScript, a form stopped in the browser starts its title with Error: until it is put right", async ({ page }) => {
  await openVacancy(page, "oakfield", "Care and support worker");
  const title = await page.title();
  await page.getByLabel("Email address").fill("jo.example.test");
  await page.getByRole("button", { name: "Send my application" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page).toHaveTitle(`Error: ${title}`);

  // Put right before sending again: the summary goes, and so does "Error: ".
  await fillApplication(page, { fullName: uniqueName("Jo"), email: uniqueEmail("jo") });
  await expect(page.getByRole("heading", { name: "There is a problem" })).toHaveCount(0);
  await expect(page).toHaveTitle(title);

  await signInAsStaffForm(page);
});

/** The staff sign-in form sent back by the server (a wrong password) also says Error: first. */
async function signInAsStaffForm(page: import("@playwright/test").Page) {
  await page.goto("/sign-in");
  await expect(page).toHaveTitle("Staff sign in");
  await page.getByLabel("Email address").fill("lead@oakfield.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page).toHaveTitle("Error: Staff sign in");
}
