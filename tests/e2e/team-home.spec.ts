import { expect, type Page, test } from "@playwright/test";
import { applyAs, expectNoAxeViolations, expectNoHorizontalScroll, signInAsStaff, uniqueEmail, uniqueName } from "../playwright-utils.js";

/** Moves the open application one stage on with the application page's button. */
async function moveTo(page: Page, stage: string) {
  await page.getByRole("button", { name: `Move to ${stage}` }).click();
  await expect(page.locator(".lede")).toContainText(`Stage: ${stage}`);
}

test("a team member lands on their home page, sees the vote waiting for them and votes from it", async ({ page }) => {
  test.slow();
  const fullName = uniqueName("Robin");
  await applyAs(page, { fullName, email: uniqueEmail("robin"), title: "Experienced care worker", experienced: true });

  // The lead takes Robin to the shadow shift step and opens Brookfield's vote.
  await signInAsStaff(page, "lead@oakfield.test");
  await page.goto("/pipeline");
  await page.getByRole("searchbox", { name: "Search" }).fill(fullName);
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByRole("link", { name: fullName, exact: true }).click();
  await moveTo(page, "Values survey");
  await moveTo(page, "Workshop");
  await moveTo(page, "Shadow shift");
  await page.getByRole("button", { name: "Open the team vote" }).click();
  await expect(page.locator(".lede")).toContainText("Stage: Team vote");
  await page.getByRole("button", { name: /Sign out/ }).click();

  // Priya, of Brookfield, lands on her own page after signing in.
  await signInAsStaff(page, "priya@oakfield.test");
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();
  const votes = page.getByRole("region", { name: "Votes waiting for you" });
  const card = votes.getByRole("listitem").filter({ hasText: `Should ${fullName} join Brookfield?` });
  await expect(card).toContainText(/Voting closes on \w+day \d+ \w+ \d{4}, \d{1,2}(:\d\d)?(am|pm)\. You have not voted yet\./);
  await expectNoAxeViolations(page);

  await card.getByRole("button", { name: `Vote on ${fullName}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Should ${fullName} join Brookfield?` })).toBeVisible();
  await page.getByLabel("Yes", { exact: true }).check();
  await page.getByRole("button", { name: "Send my vote" }).click();
  await expect(page.getByText("Your vote is saved.")).toBeVisible();

  await page.getByRole("link", { name: "Home" }).click();
  await expect(card).toContainText("You have voted. You can change your vote until then.");
  await expect(card.getByRole("button", { name: `See or change my vote on ${fullName}` })).toBeVisible();
  await page.getByRole("button", { name: /Sign out/ }).click();

  // Sam, of Ashdown, is not on Brookfield's roll: the vote is not on his page.
  await signInAsStaff(page, "sam@oakfield.test");
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("region", { name: "Votes waiting for you" })).not.toContainText(fullName);
});

test("a member sees the shadow shifts they host, and plain words when there is nothing to do", async ({ page }) => {
  // Grace hosts a time in six days (seeded; a candidate may take or give it back meanwhile).
  await signInAsStaff(page, "grace@oakfield.test");
  await expect(page).toHaveURL(/\/home$/);
  const shifts = page.getByRole("region", { name: "Shadow shifts you host" });
  await expect(shifts.getByRole("listitem").filter({ hasText: "Meeting point: Ashdown library, by the front entrance." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Feedback you owe" })).toContainText("You owe no feedback on shadow shifts.");
  // Grace is Jade's buddy: this week's call to her is on Grace's list (seeded: Jade accepted 20 days ago).
  const calls = page.getByRole("region", { name: "Calls to make as a buddy" });
  await expect(calls).toContainText("Give Jade Lowe a ring (week 2");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: /Sign out/ }).click();

  // Jo, of Castle Vale, has nothing waiting; on a phone, the page fits.
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAsStaff(page, "jo@oakfield.test");
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("region", { name: "Votes waiting for you" })).toContainText("There are no open votes for you right now.");
  await expect(page.getByRole("region", { name: "Shadow shifts you host" })).toContainText("You have no shadow shifts coming up.");
  await expect(page.getByRole("region", { name: "Feedback you owe" })).toContainText("You owe no feedback on shadow shifts.");
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});
