import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signInAsStaff, uniqueName } from "../playwright-utils.js";

// A lead adds a scenario exercise with two criteria and edits it: the edit is version 2, and
// version 1's wording stays readable from the history.

const criterion = (page: Page, n: number) => page.getByRole("group", { name: new RegExp(`^Criterion ${n}`) });

async function fillCriterion(page: Page, n: number, name: string, value: string, levels: string[]) {
  const group = criterion(page, n);
  await group.getByLabel("What the assessors look for").fill(name);
  await group.getByLabel("The value it shows").selectOption({ label: value });
  for (const [i, text] of levels.entries()) await group.getByLabel(`What a ${i + 1} looks like`).fill(text);
}

test("a lead adds an exercise with two criteria, edits it into version 2, and can still read version 1", async ({ page }) => {
  test.setTimeout(180_000);
  const title = uniqueName("Lost keys");
  await signInAsStaff(page, "lead@oakfield.test");
  await page.goto("/workshops/exercises");
  await page.getByRole("link", { name: "Add an exercise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a scenario exercise" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Add the exercise" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary.getByRole("link", { name: "Enter a title" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Describe what a 4 looks like" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("The brief candidates get").fill("Mrs Okoye has lost her door keys and is upset. What do you do?");
  await fillCriterion(page, 1, "Stays calm and kind", "Compassion", [
    "Rushes her",
    "Helps, but hurried",
    "Calm and patient",
    "Calm, and finds out what matters",
  ]);
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await expect(criterion(page, 2)).toBeVisible();
  // What was typed in the first criterion is still there.
  await expect(criterion(page, 1).getByLabel("What a 3 looks like")).toHaveValue("Calm and patient");
  await fillCriterion(page, 2, "Asks before acting", "Curiosity", [
    "Acts at once",
    "Asks one thing",
    "Asks what she wants",
    "Asks, listens, adapts",
  ]);
  await page.getByRole("button", { name: "Add the exercise" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Saved as version 1");
  await expect(page.getByText(/Version 1, added \d+ \w+ \d{4} by /).first()).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /Stays calm and kind/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Edit the exercise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${title}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await criterion(page, 1).getByLabel("What a 3 looks like").fill("");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(summary.getByRole("link", { name: "Describe what a 3 looks like" })).toBeVisible();
  await expect(criterion(page, 1).getByText("Describe what a 3 looks like")).toBeVisible();
  await expectNoAxeViolations(page);
  await criterion(page, 1).getByLabel("What a 3 looks like").fill("Stays calm when she raises her voice");
  await page.getByRole("button", { name: "Move criterion 2 up" }).click();
  await expect(criterion(page, 1).getByLabel("What the assessors look for")).toHaveValue("Asks before acting");
  await page.getByRole("button", { name: "Save the changes" }).click();

  await expect(page.getByRole("status")).toContainText("Saved as version 2");
  await expect(page.getByText(/Version 2, changed .* by /).first()).toBeVisible();
  const rows = page.getByRole("rowheader");
  await expect(rows.first()).toContainText("Asks before acting");
  await expect(page.getByRole("cell", { name: "Stays calm when she raises her voice" })).toBeVisible();

  await page.getByRole("link", { name: /^Version 1, added/ }).click();
  await expect(page.getByText("This is an earlier version: the latest is version 2.")).toBeVisible();
  await expect(rows.first()).toContainText("Stays calm and kind");
  await expect(page.getByRole("cell", { name: "Calm and patient", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Archived, it leaves the library's list and the new-workshop form; restored, it is back.
  await page.getByRole("button", { name: "Archive the exercise" }).click();
  await expect(page.getByRole("status")).toContainText("The exercise is archived.");
  const archived = page.getByRole("region", { name: "Archived" });
  await expect(archived.getByRole("link", { name: title })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/workshops");
  await expect(page.getByRole("checkbox", { name: title })).toHaveCount(0);
  await page.goto("/workshops/exercises");
  await archived.getByRole("link", { name: title }).click();
  await expect(page.getByText(/^Archived on /)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Restore the exercise" }).click();
  await expect(page.getByRole("status")).toContainText("Restored. New workshops can choose it again.");
  await page.goto("/workshops");
  await expect(page.getByRole("checkbox", { name: title })).toHaveCount(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("criteria are added and removed with the form's buttons, keeping what was typed", async ({ page }) => {
    await signInAsStaff(page, "lead@oakfield.test");
    await page.goto("/workshops/exercises/new");
    await page.getByLabel("Title").fill("Kept title");
    await page.getByRole("button", { name: "Add a criterion" }).click();
    await expect(criterion(page, 2)).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("Kept title");
    await page.getByRole("button", { name: "Remove criterion 1" }).click();
    await expect(criterion(page, 2)).toHaveCount(0);
    await expect(criterion(page, 1)).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("Kept title");
  });
});
