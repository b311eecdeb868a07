import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import {
  applyAs,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  openApplicationFromPipeline,
  readLatestEmail,
  signInAsCandidate,
  signInAsStaff,
  uniqueEmail,
  uniqueName,
} from "../playwright-utils.js";

const PHONE = { width: 360, height: 740 };

test.describe("a candidate's own data, on a phone without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("downloads their data, then deletes it, and is signed out", async ({ page, request }) => {
    test.setTimeout(120_000);
    const person = { fullName: uniqueName("Dora"), email: uniqueEmail("dora") };
    await applyAs(page, { ...person, adjustmentsNote: "Morning sessions suit me best" });
    await signInAsCandidate(page, request, person.email);
    await page.goto("/me");
    await page.getByRole("link", { name: "Download my data" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Your details" })).toContainText(person.email);
    await expect(page.getByRole("region", { name: "Your applications" })).toContainText("Morning sessions suit me best");
    await expectNoHorizontalScroll(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download my data/ }).click()]);
    const file = JSON.parse(await readFile((await download.path()) as string, "utf8"));
    expect(JSON.stringify(file)).toContain(person.fullName);
    expect(file.sections.map((s: { title: string }) => s.title)).toContain("Your applications");

    // Withdraws the application first (the reason is optional), and is told by email.
    await page.goto("/me");
    await page.getByRole("link", { name: "Withdraw this application" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Withdraw your application" })).toBeVisible();
    await page.getByRole("button", { name: "Withdraw my application" }).click();
    await expect(page.getByRole("status")).toContainText("Your application has been withdrawn");
    await readLatestEmail(request, person.email, "You have withdrawn your application for Care and support worker");

    await page.getByRole("link", { name: "Delete my data" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Delete your data" })).toBeVisible();
    // Sent without ticking the box: a clear message, nothing deleted.
    await page.getByRole("button", { name: "Delete my data" }).click();
    await expect(page.getByRole("alert")).toContainText("Tick the box to say you understand this cannot be undone");
    await expectNoHorizontalScroll(page);
    await page.getByLabel("I understand my data will be deleted and this cannot be undone").check();
    await page.getByRole("button", { name: "Delete my data" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your data has been deleted" })).toBeVisible();

    // The organisation's privacy notice, linked from the application form.
    await page.goto("/o/oakfield/privacy");
    await expect(page.getByRole("heading", { level: 1, name: /Privacy notice for people applying to Oakfield/ })).toBeVisible();

    // Signed out, and their email no longer finds them.
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: "See your applications" })).toBeVisible();
  });
});

test("the candidate's data pages on a phone pass axe, with and without errors shown", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const phone = await browser.newContext({ viewport: PHONE });
  const page = await phone.newPage();
  const person = { fullName: uniqueName("Flora"), email: uniqueEmail("flora") };
  await applyAs(page, person);
  await signInAsCandidate(page, request, person.email);
  for (const path of ["/me/data", "/me/delete", "/o/oakfield/privacy"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  }
  await page.goto("/me/delete");
  await page.getByRole("button", { name: "Delete my data" }).click();
  await expect(page.getByRole("alert")).toContainText("Tick the box to say you understand this cannot be undone");
  await expectNoAxeViolations(page);
  await page.goto("/me");
  await page.getByRole("link", { name: "Withdraw this application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Withdraw your application" })).toBeVisible();
  await expectNoAxeViolations(page);
  await phone.close();
});

test("a lead declines a candidate with a personal line; the candidate's email reads kindly and never shows the staff reason", async ({
  page,
  browser,
  request,
}) => {
  const person = { fullName: uniqueName("Elsie"), email: uniqueEmail("elsie") };
  const phone = await browser.newContext({ viewport: PHONE });
  await applyAs(await phone.newPage(), person);
  await phone.close();

  await signInAsStaff(page, "admin@oakfield.test");
  await openApplicationFromPipeline(page, "Applied", person.fullName);
  await page.getByLabel("Reason for declining").fill("Right to work not clear yet");
  await page.getByLabel("A personal line for the candidate (optional)").fill("Do look at our jobs again in the spring.");
  await page.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByText("Declined").first()).toBeVisible();

  const email = await readLatestEmail(request, person.email, "Your application for Care and support worker");
  expect(email.text).toContain(`Hello ${person.fullName.split(" ")[0]}`);
  expect(email.text).toContain("this time we will not take it further");
  expect(email.text).toContain("Do look at our jobs again in the spring.");
  expect(email.text).not.toContain("Right to work not clear yet");

  // The privacy page for staff: reachable from the application, and accessible.
  await page.getByRole("link", { name: /Their personal data/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Personal data: ${person.fullName}` })).toBeVisible();
  await page.getByRole("button", { name: "Erase their personal data" }).click();
  await expect(page.getByRole("alert")).toContainText("Say why you are erasing");
  await expectNoAxeViolations(page);
});
