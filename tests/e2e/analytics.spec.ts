import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signInAsStaff } from "../playwright-utils.js";

test("a lead opens the funnel, narrows it with two filters and downloads the funnel as CSV", async ({ page }) => {
  // The admin has the lead's rights (other tests sign the lead in often; sign-ins are rate-limited per person).
  await signInAsStaff(page, "admin@oakfield.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Funnel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Recruitment funnel" })).toBeVisible();
  const funnel = page.getByRole("region", { name: "Funnel table" });
  const applied = async () => Number(await funnel.getByRole("row", { name: /^Applied/ }).getByRole("cell").first().textContent());
  const everyone = await applied();
  expect(everyone).toBeGreaterThan(10);
  await expect(page.getByRole("img", { name: /People reaching each step/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Ashdown" });
  await page.getByLabel("Experience", { exact: true }).selectOption({ label: "New to care" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/teamId=.+&.*experience=new_to_care|experience=new_to_care.*teamId=/);
  // The URL changes as the navigation lands; the table may render a moment later, so poll.
  await expect.poll(applied).toBeLessThan(everyone);
  const narrowed = await applied();
  expect(narrowed).toBeGreaterThan(0);
  await expect(page.getByLabel("Team", { exact: true })).toHaveValue(/.+/);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the funnel as CSV" }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString("utf8").trim().split("\n");
  expect(lines[0]).toBe("step,reached,conversion_from_previous,share_of_applications");
  expect(lines[1]).toBe(`Applied,${narrowed},,1`);
  await expectNoAxeViolations(page);
});
