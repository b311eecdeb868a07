import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signInAsStaff, uniqueName } from "../playwright-utils.js";

const today = () => new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });

test("an admin erases a former team member's data on request, after being told what was missing", async ({ page }) => {
  test.setTimeout(180_000);
  const teamName = uniqueName("Team");
  const member = uniqueName("Rowan");
  await signInAsStaff(page, "admin@oakfield.test");

  // A team of its own, so the seeded teams' figures stay as they are.
  await page.goto("/teams/setup");
  await page.getByLabel("Team name").first().fill(teamName);
  await page.getByLabel("Town", { exact: true }).first().fill("Ashdown");
  await page.getByLabel("Region", { exact: true }).first().selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add the team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
  await page.getByLabel("Full name").fill(member);
  await page.getByLabel("Background").selectOption("experienced");
  await page.getByLabel("The day they joined").fill("2024-02-01");
  await page.getByRole("button", { name: "Add the member" }).click();
  await page.getByRole("link", { name: `Edit, move or record leaving for ${member}` }).click();
  await page.getByLabel("The day they left").fill(today());
  await page.getByLabel("Why they left").fill("Moved to Leeds to care for her mother");
  await page.getByRole("button", { name: "Record that they left" }).click();

  await page.goto("/settings/privacy");
  await page.getByRole("link", { name: "See whose data is held after they left" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Former colleagues' data" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: member });
  await expect(row).toContainText(teamName);
  await expectNoAxeViolations(page);

  await row.getByRole("link", { name: `Erase now (${member})` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Erase ${member}'s data` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Erase their data" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Say why you are erasing this person's data");
  await expect(summary).toContainText("Tick the box to say you understand this cannot be undone");
  await expectNoAxeViolations(page);
  await page.getByLabel("Why are you erasing their data now?").fill("They asked by email today");
  await page.getByLabel("I understand their data will be erased and this cannot be undone").check();
  await page.getByRole("button", { name: "Erase their data" }).click();
  await expect(page.getByRole("status")).toContainText("Their personal data has been erased.");
  await expect(page.getByText(member)).toHaveCount(0);

  // The audit log says it happened, without their name.
  await page.goto("/settings/audit");
  await expect(page.getByText("Erased a former colleague's data on request").first()).toBeVisible();
  await expect(page.getByText(member)).toHaveCount(0);
});
