import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signInAsStaff } from "../playwright-utils.js";

// The demo seed's platform operator (db/seeds/seed.ts DEMO_OPERATOR).
const OPERATOR = "operator@circlehire.test";

test("a platform operator signs in and sees both queues on the dashboard, which the page's policy lets run", async ({ page }) => {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => {
    // bull-board links a Google Fonts stylesheet; the policy blocks it on purpose (system fonts instead).
    if (message.type() === "error" && !message.text().includes("fonts.googleapis.com")) problems.push(message.text());
  });

  await page.goto("/ops/queues");
  await expect(page).toHaveURL(/\/ops\/sign-in\?redirectTo=%2Fops%2Fqueues$/);
  await page.getByLabel("Email address").fill(OPERATOR);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/ops\/queues$/);
  await expect(page.getByText("Circle Hire queues")).toBeVisible();
  await expect(page.getByRole("link", { name: "email", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "reminders", exact: true }).first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("an organisation's admin signed in as staff is sent to the operator sign-in", async ({ page }) => {
  await signInAsStaff(page, "admin@oakfield.test");
  await page.goto("/ops/queues");
  await expect(page).toHaveURL(/\/ops\/sign-in\?redirectTo=%2Fops%2Fqueues$/);
  await page.getByLabel("Email address").fill("admin@oakfield.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/The email address or password is not right/);
});
