import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signInAsStaff } from "../playwright-utils.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const thisMonth = () => {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit" })
    .format(new Date())
    .split("-")
    .map(Number);
  return `${MONTHS[month - 1]} ${year}`;
};

test("a team member opens their team page: members, the mix over 12 months as a chart and a table, size against the split", async ({
  page,
}) => {
  // Dunmore: no other test changes its membership (the offer test adds a member to Ashdown).
  await signInAsStaff(page, "kim@oakfield.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teams" }).click();
  // Dunmore is linked twice: in the alerts ("time to plan a split") and in the list of teams.
  await page.getByRole("link", { name: "Dunmore", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Dunmore" })).toBeVisible();
  await expect(page.getByText("This team is in balance")).toBeVisible();
  await expect(page.getByText("12 members; the team plans a split at 12")).toBeVisible();

  await expect(page.getByRole("heading", { name: "Mix over the last 12 months" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Share of experienced members at the end of each month/ })).toBeVisible();
  const table = page.getByRole("table", { name: /Share of experienced members at the end of each month, in percent, month by month/ });
  await expect(table.getByRole("row")).toHaveCount(13); // a header and 12 months
  await expect(table.getByRole("row", { name: new RegExp(`^${thisMonth()}`) }).getByRole("cell")).toHaveText(["12", "6", "6", "50%", "Yes"]);
  await expect(page.getByRole("row", { name: /Kim Young/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a lead sees each team's open alerts on /teams, with the hire that would help", async ({ page }) => {
  await signInAsStaff(page, "lead@oakfield.test");
  await page.goto("/teams");
  const alerts = page.getByRole("region", { name: "Needs your attention" });
  await expect(alerts.getByRole("listitem").filter({ hasText: "Brookfield: Mix outside the band." })).toContainText(
    "27% experienced, outside the 40-60% band: the next hire should be an experienced person.",
  );
  await expect(alerts.getByRole("listitem").filter({ hasText: "Dunmore: Time to plan a split." })).toBeVisible();
  await expect(alerts.getByRole("listitem").filter({ hasText: "Elm Court: Below the minimum size." })).toContainText(
    "Only 3 members, below the healthy minimum of 5: hire an experienced person first (33% experienced).",
  );
  await expectNoAxeViolations(page);

  // The pipeline, filtered to a team, says what it needs most.
  await page.goto("/pipeline");
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Brookfield" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("This team needs experienced people most")).toBeVisible();

  // The band setting: checked in the browser with the same schema as the server.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Team mix" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Each team's mix" })).toBeVisible();
  await expect(page.getByLabel("Target share of experienced people, in percent")).toHaveValue("50");
  await page.getByLabel("Lowest share still in balance, in percent").fill("55");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Lowest share still in balance, in percent")).toHaveAccessibleDescription(
    /The lowest share must be at or below the target/,
  );
  await expectNoAxeViolations(page);
});
