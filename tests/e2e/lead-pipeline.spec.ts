import { expect, type Page, test } from "@playwright/test";
import { applyAs, expectNoAxeViolations, signInAsStaff, uniqueEmail, uniqueName } from "../playwright-utils.js";

const OAKFIELD_SEEDED = ["Hannah Wells", "Marcus Reed", "Chloe Turner", "George Hill", "Poppy Grant"];

/** A new application to Oakfield's "Experienced care worker", made through the real form. */
async function newApplication(page: Page) {
  const fullName = uniqueName("Pat");
  await applyAs(page, { fullName, email: uniqueEmail("pat"), title: "Experienced care worker", experienced: true });
  return fullName;
}

/** Opens `fullName`'s card from the given column of the pipeline. */
async function openFromPipeline(page: Page, column: string, fullName: string) {
  await page.goto("/pipeline");
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline" })).toBeVisible();
  await page
    .getByRole("region", { name: new RegExp(`^${column}\\b`) })
    .getByRole("link", { name: fullName, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: fullName, exact: true })).toBeVisible();
}

test("a lead moves a new application on, and cannot decline without a reason", async ({ page }) => {
  const fullName = await newApplication(page);
  await signInAsStaff(page, "lead@oakfield.test");
  await expect(page).toHaveURL(/\/pipeline$/);

  await openFromPipeline(page, "Applied", fullName);
  const lede = page.locator(".lede");
  await expect(lede).toContainText("Experienced care worker, Brookfield. Stage: Applied");
  const timeline = page.locator("ol.timeline > li");
  await expect(timeline).toHaveCount(1);
  await expect(timeline.first()).toContainText(`by ${fullName}`);

  await page.getByRole("button", { name: "Move to Values survey" }).click();
  await expect(lede).toContainText("Stage: Values survey");
  await expect(timeline).toHaveCount(2);
  const latest = timeline.last();
  await expect(latest).toContainText("Applied → Values survey");
  await expect(latest).toContainText("by Lena Hart");
  await expect(page.getByRole("button", { name: "Move to Workshop" })).toBeVisible();

  await page.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Give a reason for declining" })).toBeVisible();
  await expect(page.getByLabel("Reason for declining")).toHaveAccessibleDescription(/Give a reason for declining/);
  // Nothing changed.
  await expect(lede).toContainText("Stage: Values survey");
  await expect(timeline).toHaveCount(2);

  // The pipeline shows it in its new column.
  await openFromPipeline(page, "Values survey", fullName);
});

test("a wrong password is refused with a plain message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("lead@oakfield.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/The email address or password is not right/);
  await expect(page.getByLabel("Email address")).toHaveValue("lead@oakfield.test");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/pipeline");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fpipeline$/);
});

test("another organisation's lead can neither open nor see Oakfield's applications", async ({ page }) => {
  const fullName = await newApplication(page);
  await signInAsStaff(page, "lead@oakfield.test");
  await openFromPipeline(page, "Applied", fullName);
  const oakfieldUrl = new URL(page.url()).pathname;
  expect(oakfieldUrl).toMatch(/^\/pipeline\/[0-9a-f-]{36}$/);

  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page.getByRole("link", { name: "Staff sign in" })).toBeVisible();
  await signInAsStaff(page, "lead@riverside.test");

  const response = await page.goto(oakfieldUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText(fullName)).toHaveCount(0);

  await page.goto("/pipeline");
  const names = await page.locator(".board").getByRole("link").allTextContents();
  expect(names).toEqual(expect.arrayContaining(["Riley Morgan", "Sasha Kent"]));
  for (const name of [fullName, ...OAKFIELD_SEEDED]) expect(names).not.toContain(name);
  await expect(page.getByText(/Oakfield|Ashdown|Brookfield/)).toHaveCount(0);
});

test("a lead finds an application by phone number, spaces or not, without JavaScript, and the filters narrow the search", async ({
  browser,
  page,
}) => {
  const fullName = uniqueName("Quinn");
  const digits = String(Math.floor(Math.random() * 90_000) + 10_000);
  await applyAs(page, {
    fullName,
    email: uniqueEmail("quinn"),
    title: "Experienced care worker",
    experienced: true,
    phone: `07700 9${digits}`,
  });

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const lead = await noJs.newPage();
  await signInAsStaff(lead, "lead@oakfield.test");
  await lead.goto("/pipeline");
  await expect(lead.getByRole("status")).toContainText(/^[\d,]+ applications\. Showing 1–[\d,]+ of [\d,]+, most recently changed first\.$/);
  await lead.getByRole("searchbox", { name: "Search" }).fill(`0 7 7 0 0 9${digits}`);
  await lead.getByRole("button", { name: "Show" }).click();
  await expect(lead).toHaveURL(/\/pipeline\?q=/);
  await expect(lead.getByRole("status")).toHaveText(
    `1 application matches "0 7 7 0 0 9${digits}". Showing 1–1 of 1, most recently changed first.`,
  );
  await expect(lead.locator(".board").getByRole("link")).toHaveText([fullName]);
  await expect(lead.getByRole("searchbox", { name: "Search" })).toHaveValue(`0 7 7 0 0 9${digits}`);

  // The team filter and the search together: Quinn applied to Brookfield, not Ashdown.
  await lead.getByLabel("Team", { exact: true }).selectOption({ label: "Ashdown" });
  await lead.getByRole("button", { name: "Show" }).click();
  await expect(lead.getByRole("status")).toHaveText(`No applications match "0 7 7 0 0 9${digits}".`);
  await lead.getByLabel("Team", { exact: true }).selectOption({ label: "Brookfield" });
  await lead.getByRole("button", { name: "Show" }).click();
  await expect(lead.locator(".board").getByRole("link")).toHaveText([fullName]);
  await noJs.close();

  // By name, with JavaScript on; axe checks the page with results and with none.
  await signInAsStaff(page, "lead@oakfield.test");
  await page.goto(`/pipeline?q=${encodeURIComponent(fullName.toUpperCase())}`);
  await expect(page.locator(".board").getByRole("link")).toHaveText([fullName]);
  await expectNoAxeViolations(page);
  await page.goto("/pipeline?q=nobody-has-this-name");
  await expect(page.getByRole("status")).toHaveText('No applications match "nobody-has-this-name".');
  await expectNoAxeViolations(page);
});
