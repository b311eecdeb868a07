import { expect, test } from "@playwright/test";
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  fillApplication,
  openApplicationFromPipeline,
  signInAsStaff,
  uniqueEmail,
  uniqueName,
  inDays,
  roster,
} from "../playwright-utils.js";

// A lead sets up a team, imports its roster, publishes a vacancy; a candidate applies on a phone
// with JavaScript off; the lead sees them in the pipeline.

test("a lead creates a team, imports its roster, publishes a vacancy, and a candidate applies to it from a phone", async ({
  page,
  browser,
}) => {
  // A long journey on a shared two-core machine.
  test.setTimeout(300_000);
  const teamName = uniqueName("Team").replace(" ", " ");
  const title = `Home carer ${uniqueName("Role").split(" ")[1]}`;
  const candidate = { fullName: uniqueName("Kit"), email: uniqueEmail("kit") };

  await signInAsStaff(page, "lead@oakfield.test");

  await test.step("creates a team, after being told what was missing", async () => {
    await page.goto("/teams");
    await page.getByRole("link", { name: "Add, rename or archive regions and teams" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Set up regions and teams" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Add the team" }).click();
    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
    await expect(summary.getByRole("link", { name: "Enter the team's name" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Team name").first().fill(teamName);
    await page.getByLabel("Town", { exact: true }).first().fill("Ashdown");
    await page.getByLabel("Region", { exact: true }).first().selectOption({ index: 1 });
    await page.getByRole("button", { name: "Add the team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Team created");
  });

  await test.step("imports a five-person roster: one bad row reported, then fixed", async () => {
    await page.getByRole("link", { name: "Import members from a roster file (CSV)" }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel("Roster file (CSV)").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: roster("sometimes") });
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("cell", { name: /Line 4: Write "experienced" or "new to care"/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /1 row has a problem/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByLabel("Roster file (CSV)").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: roster("experienced") });
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("row", { name: /Ben Okafor/ })).toContainText("2024-09-01");
    await expect(page.getByRole("row", { name: /Ben Okafor/ })).toContainText("Will be added");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Import 5 members" }).click();
    await expect(page.getByRole("status")).toContainText("Imported 5 members");
    await expect(page.getByRole("row", { name: /Eve Brown/ })).toBeVisible();
    await expect(page.getByText("3 experienced, 2 new to care (60% experienced)").first()).toBeVisible();
  });

  await test.step("drafts a vacancy, is told what is missing, previews it and publishes it", async () => {
    await page.getByRole("link", { name: "Vacancies" }).click();
    await page.getByRole("link", { name: "Draft a vacancy" }).click();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Save the draft" }).click();
    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
    await expect(summary.getByRole("link", { name: "Enter the job title" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Enter the postcode" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Job title").fill(title);
    await page.getByLabel("Team", { exact: true }).selectOption({ label: teamName });
    await page.getByLabel("Town", { exact: true }).fill("Ashdown");
    await page.getByLabel("Postcode").fill("bs1 4dj");
    await page.getByLabel("Hours", { exact: true }).fill("20 to 30 hours a week");
    await page.getByLabel("Pay per hour, in pounds").fill("12.60");
    await page.getByLabel("Contract").selectOption({ label: "Permanent, part time" });
    await page.getByLabel("Closing date").fill(inDays(21));
    await page.getByLabel("Summary").fill("For someone who listens first and enjoys people's stories.");
    await page
      .getByLabel("Description")
      .fill("You will visit people in their homes.\n\nA buddy from the team works alongside you at first.");
    await page.getByRole("button", { name: "Save the draft" }).click();
    await expect(page.getByRole("status")).toContainText("Draft saved");
    const preview = page.getByRole("region", { name: "Preview: what candidates see" });
    await expect(preview.getByRole("heading", { name: title })).toBeVisible();
    await expect(preview).toContainText("£12.60 an hour");
    await expect(preview).toContainText("A buddy from the team works alongside you at first.");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("status")).toContainText("Published");
    await expect(page.getByRole("region", { name: "History" })).toContainText("Published the vacancy");
    // The public page, as a candidate sees it (axe runs here: in the second, script-free context below it stalled).
    await page.getByRole("link", { name: "See it on the careers page" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step("a candidate applies from the careers page on a 360px phone with JavaScript off", async () => {
    const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const candidatePage = await phone.newPage();
    await candidatePage.goto("/o/oakfield/jobs");
    await candidatePage.getByRole("link", { name: title, exact: true }).click();
    await expect(candidatePage.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectNoHorizontalScroll(candidatePage);
    const jsonLd = JSON.parse((await candidatePage.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd).toMatchObject({ "@type": "JobPosting", title, employmentType: "PART_TIME" });
    await fillApplication(candidatePage, candidate);
    await candidatePage.getByRole("button", { name: "Send my application" }).click();
    await expect(candidatePage.getByRole("heading", { level: 1, name: "Thank you for applying" })).toBeVisible();
    await phone.close();
  });

  await test.step("the lead sees the application in the pipeline", async () => {
    await openApplicationFromPipeline(page, "Applied", candidate.fullName);
    await expect(page.getByText(title).first()).toBeVisible();
  });
});
