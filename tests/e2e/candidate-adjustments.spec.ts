import { expect, test } from "@playwright/test";
import {
  applyAs,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  openApplicationFromPipeline,
  signInAsCandidate,
  signInAsStaff,
  uniqueEmail,
  uniqueName,
} from "../playwright-utils.js";

const PHONE = { width: 360, height: 740 };

test.describe("a candidate changes the adjustments they asked for, on a phone without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("a note that is too long is refused by the field and kept; the saved words reach the lead", async ({ page, browser, request }) => {
    test.setTimeout(120_000);
    const person = { fullName: uniqueName("Ada"), email: uniqueEmail("ada"), adjustmentsNote: "Mornings suit me best" };
    await applyAs(page, person);
    await signInAsCandidate(page, request, person.email);
    await page.goto("/me");
    await page.getByRole("link", { name: "Tell us what would make things easier for you" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "What would make things easier for you" })).toBeVisible();
    const note = page.getByLabel("Anything else we can do to help? (optional)");
    await expect(note).toHaveValue("Mornings suit me best");

    await page.getByLabel("A quiet space").check();
    await note.fill(`Please face me when you talk. ${"x".repeat(1000)}`);
    await page.getByRole("button", { name: "Save my changes" }).click();
    await expect(page.getByRole("alert")).toContainText("Use 1000 characters or fewer");
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByLabel("A quiet space")).toBeChecked();
    await expectNoHorizontalScroll(page);

    await note.fill("Please face me when you talk, as I am deaf in one ear.");
    await page.getByRole("button", { name: "Save my changes" }).click();
    await expect(page.getByRole("status")).toContainText("We have saved your changes.");
    await expect(page.getByLabel("A quiet space")).toBeChecked();

    // The person who looks after the application reads the new words, and when they changed.
    const desk = await browser.newContext({ javaScriptEnabled: true });
    const lead = await desk.newPage();
    await signInAsStaff(lead, "admin@oakfield.test");
    await openApplicationFromPipeline(lead, "Applied", person.fullName);
    const adjustments = lead.getByRole("region", { name: "Adjustments they asked for" });
    await expect(adjustments).toContainText("A quiet space");
    await expect(adjustments).toContainText("deaf in one ear");
    await expect(lead.getByText("Changed the adjustments they asked for")).toBeVisible();
    await desk.close();
  });
});

test("the adjustments page passes axe on a phone, with and without errors shown", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const phone = await browser.newContext({ viewport: PHONE });
  const page = await phone.newPage();
  const person = { fullName: uniqueName("Iris"), email: uniqueEmail("iris") };
  await applyAs(page, person);
  await signInAsCandidate(page, request, person.email);
  await page.goto("/me");
  await page.getByRole("link", { name: "Tell us what would make things easier for you" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What would make things easier for you" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Anything else we can do to help? (optional)").fill("y".repeat(1001));
  await page.getByRole("button", { name: "Save my changes" }).click();
  await expect(page.getByRole("alert")).toContainText("Use 1000 characters or fewer");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await phone.close();
});
