import { expect, test } from "@playwright/test";
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  readNewEmail,
  readEmails,
  requestSignInLink,
  signInAsStaff,
} from "../playwright-utils.js";

// Kwame Asante is seeded at the workshop step with no place booked yet.
const EMAIL = "kwame.asante@example.oakfield.test";

test.describe("on a phone without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("a candidate books a workshop place, moves it to another date and cancels it", async ({ page, request }) => {
    await requestSignInLink(page, request, EMAIL);
    await page.getByRole("link", { name: "Book or change your workshop place" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your group workshop" })).toBeVisible();

    // Booking without choosing a date names the problem.
    await page.getByRole("button", { name: "Book my place" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Dates with free places" })).toHaveAccessibleDescription("Error: Choose a date");

    const dates = page.getByRole("group", { name: "Dates with free places" }).getByRole("radio");
    await expect(dates).toHaveCount(3);
    const seen = await readEmails(request, EMAIL);
    await dates.first().check();
    await page.getByLabel("Anything that would help you on the day? (optional)").fill("A seat near the door, please");
    await page.getByRole("button", { name: "Book my place" }).click();
    await expect(page.getByText("Your place is booked.")).toBeVisible();
    const place = page.getByRole("region", { name: "Your place" });
    await expect(place).toContainText("9:30am to 1:00pm");
    await expect(place.getByRole("link", { name: "Add to my calendar" })).toHaveAttribute("href", /calendar\.ics$/);
    const confirmation = await readNewEmail(request, EMAIL, "Your workshop place:", seen);
    expect(confirmation.attachments?.[0]?.filename).toBe("workshop.ics");
    await expectNoHorizontalScroll(page);

    // Moving to another date: the first date is no longer offered, two others are.
    await expect(dates).toHaveCount(2);
    await dates.first().check();
    await page.getByRole("button", { name: "Move my place to this date" }).click();
    await expect(page.getByText("Your place is booked.")).toBeVisible();
    await readNewEmail(request, EMAIL, "Your workshop has moved to", seen);

    await page.getByRole("button", { name: "Cancel my place" }).click();
    await expect(page.getByText("Your place is cancelled.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Your place" })).toHaveCount(0);
    await expect(dates).toHaveCount(3);
  });
});

test("the booking page, with and without a problem shown, passes axe", async ({ page, request }) => {
  await requestSignInLink(page, request, "george.hill@example.oakfield.test");
  await page.getByRole("link", { name: "Book or change your workshop place" }).click();
  await expect(page.getByRole("region", { name: "Your place" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Checked in the browser with the same schema: no date chosen.
  await page.getByRole("button", { name: "Move my place to this date" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the lead sees who is coming and what would help them", async ({ page }) => {
  await signInAsStaff(page, "lead@oakfield.test");
  await page.goto("/workshops");
  await expect(page.getByRole("heading", { level: 1, name: "Workshops" })).toBeVisible();
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "People coming, and what would help them" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Plan next week's rota" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Record who came" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Who came" })).toBeVisible();
  const first = page.getByRole("group").first();
  await first.getByRole("radio", { name: "Attended" }).check();
  await page.getByRole("button", { name: "Save attendance" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");
  await expect(page.getByRole("group").first().getByRole("radio", { name: "Attended" })).toBeChecked();
  await expectNoAxeViolations(page);
});

// George Hill stays at the workshop step (the axe test above uses his booking page); Isla Murray moves on.
test("an assessor scores two candidates, submits, and the lead moves one on", async ({ page }) => {
  await signInAsStaff(page, "lead@oakfield.test");
  await page.goto("/workshops");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Assessors" })).toBeVisible();
  const workshopUrl = page.url();

  await page.getByRole("link", { name: "Record who came" }).click();
  for (const name of ["George Hill", "Isla Murray"]) {
    await page.getByRole("group", { name }).getByRole("radio", { name: "Attended" }).check();
  }
  await page.getByRole("button", { name: "Save attendance" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");

  await page.goto(workshopUrl);
  await page.getByLabel("Add an assessor").selectOption({ label: "Lena Hart" });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Lena Hart: not submitted yet")).toBeVisible();
  await page.getByRole("link", { name: "Score this workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Score the workshop" })).toBeVisible();

  for (const name of ["George Hill", "Isla Murray"]) {
    const card = page.getByRole("region", { name });
    const criteria = card.getByRole("group");
    const count = await criteria.count();
    expect(count).toBe(9); // 3 exercises x 3 criteria
    for (let i = 0; i < count; i++) await criteria.nth(i).getByRole("radio").nth(2).check();
  }
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit my scores" }).click();
  await expect(page.getByText("You have submitted your scores. You can now see everyone's.")).toBeVisible();
  await expect(page.getByText("Everyone's scores: Lena Hart 3").first()).toBeVisible();

  await page.goto(workshopUrl);
  await expect(page.getByText("Lena Hart: scores submitted")).toBeVisible();
  const decide = page.getByRole("region", { name: "Decide after the workshop" });
  await decide.getByLabel("Isla Murray").check();
  await decide.getByRole("button", { name: "Move the chosen people on to a shadow shift" }).click();
  await expect(page.getByRole("status")).toContainText("1 moved.");
  await expect(page.getByText("Moved on: 1")).toBeVisible();
  await expect(decide.getByLabel("Isla Murray (moved on)")).toBeDisabled();
});
