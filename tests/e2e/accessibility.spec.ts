import { expect, test } from "@playwright/test";
import { applyAs, expectNoAxeViolations, signInAsCandidate, signInAsStaff, uniqueEmail, uniqueName } from "../playwright-utils.js";

// WCAG 2.2 AA as axe checks it (tags in AXE_TAGS), on every kind of page people use.

test.describe("public pages", () => {
  test("careers page, and a vacancy page with the application form before and after a failed submit", async ({ page }) => {
    await page.goto("/o/oakfield/jobs");
    await expect(page.getByRole("heading", { level: 1, name: "Jobs at Oakfield Home Care" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Care and support worker", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Apply for this job" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Send my application" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(/Enter an email address like name@example\.com/);
    await expectNoAxeViolations(page);
  });

  test("the form after a failed submit, as the server renders it when JavaScript does not run", async ({ page }) => {
    // The app's scripts never load (axe itself still needs JavaScript): the form posts as plain HTML.
    await page.route(/\/build\/.*\.js$/, (route) => route.abort());
    await page.goto("/o/oakfield/jobs");
    await page.getByRole("link", { name: "Care and support worker", exact: true }).click();
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Send my application" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
    await expectNoAxeViolations(page);
  });

  test("/me signed out, and staff sign-in", async ({ page }) => {
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: "See your applications" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Staff sign in" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("/me signed in as a candidate", async ({ page, request }) => {
    const fullName = uniqueName("Sky");
    const email = uniqueEmail("sky");
    await applyAs(page, { fullName, email, title: "Care and support worker (new to care welcome)", adjustments: ["A quiet space"] });
    await signInAsCandidate(page, request, email, "We have your application for");
    // The link leads to the first survey page: check it, and a page showing its errors.
    await expect(page.getByRole("heading", { level: 1, name: "How much do you agree?" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: `Hello ${fullName}` })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test("staff pages, signed in as a lead: pipeline, an application, teams", async ({ page }) => {
  await signInAsStaff(page, "lead@oakfield.test");
  await page.goto("/pipeline");
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Isla Murray (Workshop) asked for adjustments, so the page shows every section.
  await page.getByRole("link", { name: "Isla Murray", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Isla Murray" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Adjustments they asked for" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/teams");
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Settings, then the voting settings before and after a failed save (checked in the browser with the same schema).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Team votes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "How teams vote on a hire" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Voting window, in hours").fill("12");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Voting window, in hours")).toHaveAccessibleDescription(/Give the team at least 24 hours/);
  await expectNoAxeViolations(page);
});
