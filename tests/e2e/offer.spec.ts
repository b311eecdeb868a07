import { expect, test } from "@playwright/test";
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  openApplicationFromPipeline,
  readEmails,
  readNewEmail,
  readLatestEmail,
  signInAsStaff,
  signInPath,
} from "../playwright-utils.js";

// Seeded: Nina Lane (new to care) has an offer to join Ashdown (4 experienced, 4 new to care) with
// Sam Patel as her buddy, starting in three weeks, waiting for her answer.
const PHONE = { width: 360, height: 740 };
const today = () => new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });

test("a candidate accepts an offer on a phone; an admin marks the checks done, confirms the start, and the team's mix shows her", async ({
  page,
  browser,
  request,
}) => {
  const phone = await browser.newContext({ viewport: PHONE });
  const candidate = await phone.newPage();
  // The offer's email (sent when the worker started) links straight to the offer.
  const email = await readLatestEmail(request, "nina.lane@example.oakfield.test", "We would like to offer you the job");
  expect(email.text).toContain("Pay: £12.60 an hour");
  await candidate.goto(signInPath(email));
  await candidate.getByRole("button", { name: "Continue" }).click();
  await expect(candidate).toHaveURL(/\/me\/offer\/[0-9a-f-]+$/);
  await expect(candidate.getByRole("heading", { level: 1, name: "Your job offer" })).toBeVisible();
  const offer = candidate.getByRole("region", { name: "Care and support worker" });
  await expect(offer).toContainText("£12.60 an hour");
  await expect(offer).toContainText("Ashdown");
  await expect(offer).toContainText("Sam, a member of the team");
  await expectNoAxeViolations(candidate);
  await expectNoHorizontalScroll(candidate);

  const leadSeen = await readEmails(request, "lead@oakfield.test");
  await candidate.getByRole("button", { name: "Accept the offer" }).click();
  await expect(candidate.getByRole("status")).toContainText("Thank you, and welcome.");
  await expect(candidate.getByRole("group", { name: "What is the main reason?" })).toBeVisible();
  await expectNoAxeViolations(candidate);
  await expectNoHorizontalScroll(candidate);
  // What happens before the first day: each check, where it is and what she must do.
  const checks = candidate.getByRole("region", { name: "Checks before you start" });
  await expect(checks).toContainText("0 of 3 done.");
  await expect(checks.getByRole("heading", { level: 3 })).toHaveText(["Right to work in the UK", "DBS check", "References"]);
  await expect(checks).toContainText("What you need to do: We will email you a link to a form.");
  await expect(candidate.getByRole("region", { name: "Until your first day" })).toContainText("Sam, your buddy, will call you");
  await candidate.getByRole("link", { name: "Your applications" }).click();
  await expect(candidate.getByText("Checks before you start: 0 of 3 done.")).toBeVisible();
  await expectNoAxeViolations(candidate);
  await expectNoHorizontalScroll(candidate);
  await readNewEmail(request, "lead@oakfield.test", "Nina Lane accepted the offer", leadSeen);
  await phone.close();

  // An admin manages offers like a lead (the lead's own sign-ins are rate-limited across the suite).
  await signInAsStaff(page, "admin@oakfield.test");
  await openApplicationFromPipeline(page, "Offer", "Nina Lane");
  const section = page.getByRole("region", { name: "Offer", exact: true });
  await expect(section).toContainText("Accepted");
  // A note over 1000 characters: the problem is shown beside that check's own note (the three forms
  // share the field names), the summary links to it, and what was typed is kept.
  const dbs = section.getByRole("form", { name: "DBS check" });
  const longNote = `Waiting for the update service. ${"x".repeat(1000)}`;
  await dbs.getByLabel("Status").selectOption("problem");
  await dbs.getByLabel("Note (optional)").fill(longNote);
  await dbs.getByRole("button", { name: "Save DBS check" }).click();
  const summaryLink = section.getByRole("alert").getByRole("link", { name: "DBS check note: Use 1000 characters or fewer" });
  await expect(summaryLink).toHaveAttribute("href", "#check-dbs-note");
  const dbsNote = dbs.getByLabel("Note (optional)");
  await expect(dbsNote).toHaveAttribute("id", "check-dbs-note");
  await expect(dbsNote).toHaveAttribute("aria-invalid", "true");
  await expect(dbsNote).toHaveAccessibleDescription(/Use 1000 characters or fewer/);
  await expect(dbsNote).toHaveValue(longNote);
  await expect(dbs.getByLabel("Status")).toHaveValue("problem");
  await expect(dbs).toContainText("Pending since");
  for (const other of ["References", "Right to work check"]) {
    await expect(section.getByRole("form", { name: other }).getByLabel("Note (optional)")).not.toHaveAttribute("aria-invalid");
  }
  await expectNoAxeViolations(page);
  for (const check of ["References", "DBS check", "Right to work check"]) {
    const form = section.getByRole("form", { name: check });
    await form.getByLabel("Status").selectOption("done");
    await form.getByLabel("Note (optional)").fill(`${check} received`);
    await form.getByRole("button", { name: `Save ${check}` }).click();
    await expect(page.getByRole("status")).toContainText("The check is saved.");
    await expect(section.getByRole("form", { name: check })).toContainText("Done since");
  }
  await expectNoAxeViolations(page);

  // Her first day was brought forward to today; then the lead confirms she has started.
  await section.getByLabel("New start date").fill(today());
  await section.getByRole("button", { name: "Change the start date and email them" }).click();
  await expect(page.getByRole("status")).toContainText("The start date has changed.");
  await section.getByRole("button", { name: "Confirm Nina Lane has started" }).click();
  await expect(page.getByRole("status")).toContainText("The start is confirmed");
  await expect(page.locator(".lede")).toContainText("Stage: Started");

  await page.goto("/teams");
  await page.getByRole("link", { name: "Ashdown", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ashdown" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Nina Lane/ })).toContainText("New to care");
  await expect(page.getByRole("region", { name: "Mix", exact: true })).toContainText("4 experienced, 5 new to care (44% experienced)");
  await expectNoAxeViolations(page);
});

test("the offers list shows a stalled pre-start check to coaches and leads", async ({ page }) => {
  await signInAsStaff(page, "coach@oakfield.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Offers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Offers" })).toBeVisible();
  const jade = page.getByRole("row", { name: /Jade Lowe/ });
  await expect(jade).toContainText("DBS check: Pending Stalled");
  await expect(jade).toContainText("References: Done");
  // Keeping in touch: the next email or call planned before her start.
  await expect(jade.getByRole("cell").last()).toContainText(/Next: (Week \d+ email|Buddy call, week \d+), /);
  await expectNoAxeViolations(page);
});
