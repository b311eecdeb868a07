import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, openVacancy, uniqueName } from "../playwright-utils.js";

// After a failed send the error summary is in view and focused, once: never again while the
// person corrects a field (WCAG 3.2.2, 2.4.3). Its links bring their field into view (2.4.11).

test.use({ viewport: { width: 360, height: 740 } });

const summaryOf = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });

async function sendHalfFilled(page: Page) {
  await openVacancy(page, "oakfield", "Care and support worker");
  await page.getByLabel("Full name").fill(uniqueName("Jo"));
  await page.getByLabel("Email address").fill("jo.example.test");
  await page.getByRole("button", { name: "Send my application" }).click();
}

test("with JavaScript, what the person types after a failed send stays where they type it", async ({ page }) => {
  await sendHalfFilled(page);
  const summary = summaryOf(page);
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();

  await test.step("typing into fields whose error goes away as they type", async () => {
    const phone = page.getByLabel("Phone number");
    await phone.click();
    await phone.pressSequentially("07700 900123");
    await expect(phone).toHaveValue("07700 900123");
    await expect(phone).toBeFocused();

    const town = page.getByLabel("Town or postcode");
    await town.click();
    await town.pressSequentially("OX14 3AB");
    await expect(town).toHaveValue("OX14 3AB");
    await expect(town).toBeFocused();
  });

  await test.step("Space on a checkbox and arrow keys in a radio group", async () => {
    const weekends = page.getByRole("group", { name: "When could you work?" }).getByLabel("Weekends");
    await weekends.focus();
    await page.keyboard.press("Space");
    await expect(weekends).toBeChecked();
    await expect(weekends).toBeFocused();
    const experience = page.getByRole("group", { name: "Have you worked in care before?" });
    await experience.getByLabel("Yes, I have worked in care").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await expect(experience.getByLabel("No, I would be new to care")).toBeChecked();
    await expect(experience.getByLabel("No, I would be new to care")).toBeFocused();
  });

  await test.step("sending again with problems left moves focus to the summary once more", async () => {
    await page.getByRole("button", { name: "Send my application" }).click();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Enter your phone number" })).toHaveCount(0);
  });

  await test.step("a summary link brings its field into view and focuses it", async () => {
    await summary.getByRole("link", { name: "Tick the box to say you have read the privacy notice" }).click();
    const consent = page.getByLabel(/I have read the privacy notice/);
    await expect(consent).toBeFocused();
    await expect(consent).toBeInViewport();
    await expectNoAxeViolations(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page opens at the error summary after a failed send", async ({ page }) => {
    await sendHalfFilled(page);
    const summary = summaryOf(page);
    await expect(summary).toBeVisible();
    await expect(summary).toBeInViewport();
    await expect(summary).toBeFocused();
  });
});
