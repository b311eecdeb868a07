import { expect, test } from "@playwright/test";
import {
  expectNoHorizontalScroll,
  fillApplication,
  openVacancy,
  readEmails,
  readLatestEmail,
  uniqueEmail,
  uniqueName,
} from "../playwright-utils.js";

// A candidate on a small phone, with JavaScript off: everything must still work as plain HTML.
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

const TITLE = "Care and support worker";

test("a candidate applies on a small phone without JavaScript, then follows their application", async ({ page, request }) => {
  const fullName = uniqueName("Jo");
  const email = uniqueEmail("jo");

  await test.step("finds the job on the careers page", async () => {
    await page.goto("/o/oakfield/jobs");
    await expect(page.getByRole("heading", { level: 1, name: "Jobs at Oakfield Home Care" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.getByRole("link", { name: TITLE, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE, exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Apply for this job" })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });

  await test.step("sends the form half filled in, with a mistyped email, and is told what to fix", async () => {
    await page.getByLabel("Full name").fill(fullName);
    await page.getByLabel("Email address").fill("jo.example.test");
    await page.getByLabel("Town or postcode").fill("Ashdown");
    await page.getByRole("group", { name: "When could you work?" }).getByLabel("Weekends").check();
    await page.getByRole("button", { name: "Send my application" }).click();

    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: "Enter an email address like name@example.com" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Enter your phone number" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Tick the box to say you have read the privacy notice" })).toBeVisible();
    // Nothing they got right is listed.
    await expect(summary.getByRole("link", { name: "Enter your full name" })).toHaveCount(0);

    // Each message sits with its field, and is read out with it.
    await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(/Enter an email address like name@example\.com/);
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Phone number")).toHaveAccessibleDescription(/Enter your phone number/);
    await expect(page.getByRole("group", { name: "Have you worked in care before?" })).toHaveAccessibleDescription(
      /Say whether you have worked in care before/,
    );
    await expect(page.getByLabel("How did you hear about this job?")).toHaveAccessibleDescription(/Choose how you heard about this job/);

    // What they typed is still there.
    await expect(page.getByLabel("Full name")).toHaveValue(fullName);
    await expect(page.getByLabel("Email address")).toHaveValue("jo.example.test");
    await expect(page.getByLabel("Town or postcode")).toHaveValue("Ashdown");
    await expect(page.getByRole("group", { name: "When could you work?" }).getByLabel("Weekends")).toBeChecked();
    await expect(page.getByRole("group", { name: "When could you work?" }).getByLabel("Weekday mornings")).not.toBeChecked();
    await expectNoHorizontalScroll(page);
  });

  await test.step("corrects the form and applies", async () => {
    await fillApplication(page, { fullName, email, availability: [] });
    await page.getByRole("button", { name: "Send my application" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thank you for applying" })).toBeVisible();
    await expect(page.getByText("We have sent you an email.")).toBeVisible();
    await expectNoHorizontalScroll(page);
  });

  await test.step("gets an email and signs in with its link", async () => {
    const subject = `We have your application for ${TITLE}`;
    await readLatestEmail(request, email, subject); // waits for the worker to send it
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    const message = page.getByRole("article", { name: subject });
    await expect(message).toHaveCount(1);
    await message.getByRole("link", { name: /\/auth\/link\?token=/ }).click();

    // Opening the link signs nobody in (mail scanners open links): the button does.
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to see your application" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.getByRole("button", { name: "Continue" }).click();
  });

  await test.step("lands on the values survey the email offered, then sees the application", async () => {
    await expect(page).toHaveURL(/\/me\/survey\/[0-9a-f-]+\/1$/);
    await expect(page.getByRole("heading", { level: 1, name: "How much do you agree?" })).toBeVisible();
    await expect(page.getByText("Page 1 of 13")).toBeVisible();
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: `Hello ${fullName}` })).toBeVisible();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: TITLE, exact: true }) });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText("Where you are: We have your application.");
    await expect(card).toContainText("What happens next: Take our short survey");
    await expect(card.getByRole("link", { name: "Start the survey" })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });

  await test.step("applying again with the same email changes nothing but sends a reminder", async () => {
    await openVacancy(page, "oakfield", TITLE);
    await fillApplication(page, { fullName, email, phone: "07700 900456" });
    await page.getByRole("button", { name: "Send my application" }).click();
    // The same page as the first time: nobody learns from it whether this email applied before.
    await expect(page.getByRole("heading", { level: 1, name: "Thank you for applying" })).toBeVisible();

    await readLatestEmail(request, email, `You have already applied for ${TITLE}`);
    const subjects = (await readEmails(request, email)).map((m) => m.subject);
    expect(subjects.filter((s) => s === `We have your application for ${TITLE}`)).toHaveLength(1);

    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 2, name: TITLE, exact: true })).toHaveCount(1);
    await expect(page.getByText("Where you are: We have your application.")).toHaveCount(1);
  });
});
