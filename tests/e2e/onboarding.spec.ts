import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, readLatestEmail, uniqueEmail } from "../playwright-utils.js";

/** The confirmation link in an email, as a path on this site. */
function confirmPath(html: string) {
  const href = [...html.matchAll(/href="([^"]+)"/g)]
    .map((m) => m[1].replaceAll("&amp;", "&"))
    .find((h) => h.includes("/start/confirm?token="));
  if (!href) throw new Error("no confirmation link in the email");
  const url = new URL(href);
  return url.pathname + url.search;
}

test.describe("a care provider signs up", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("sign up Heathside Care, see the banner, confirm the email from the mailbox", async ({ page, request }) => {
    const slug = `heathside-care-${randomBytes(3).toString("hex")}`;
    const email = uniqueEmail("priya");
    await page.goto("/start");
    await expect(page.getByRole("heading", { level: 1, name: "Start using Circle Hire" })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // Mistakes first: a reserved web address (checked as it is typed), no name, a short password.
    await page.getByLabel("Your organisation's name").fill("Heathside Care");
    await page.getByLabel("Web address for your careers page").fill("admin");
    await expect(page.getByText("That web address is reserved. Choose another")).toBeVisible();
    await page.getByLabel("Your work email address").fill(email);
    await page.getByLabel("Choose a password").fill("short");
    await page.getByRole("button", { name: "Create my organisation" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Enter your name");
    await expect(summary).toContainText("Use at least 10 characters");
    await expectNoAxeViolations(page);

    await page.getByLabel("Web address for your careers page").fill(slug);
    await expect(page.getByText(`${slug} is available`)).toBeVisible();
    await page.getByLabel("Your name").fill("Priya Shah");
    await page.getByLabel("Choose a password").fill("heathside care 2026");
    await page.getByRole("button", { name: "Create my organisation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your organisation is ready" })).toBeVisible();
    const banner = page.getByRole("region", { name: "Confirm your email" });
    await expect(banner).toContainText("Confirm your email address to publish vacancies");
    await expectNoAxeViolations(page);

    // A new link from the banner, then the newest link confirms.
    await banner.getByRole("button", { name: "Email me a new link" }).click();
    await expect(banner).toContainText("We have sent a new link.");
    const message = await readLatestEmail(request, email, "Confirm your email address for Heathside Care");
    await page.goto(confirmPath(message.html));
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your email address is confirmed" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/pipeline");
    await expect(page.getByRole("region", { name: "Confirm your email" })).toHaveCount(0);

    // The link works once.
    await page.goto(confirmPath(message.html));
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  });

  test("without JavaScript, a taken web address is refused on submit", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await page.goto("/start");
    await page.getByLabel("Your organisation's name").fill("Oakfield Again");
    await page.getByLabel("Web address for your careers page").fill("oakfield");
    await page.getByLabel("Your name").fill("Sam Someone");
    await page.getByLabel("Your work email address").fill(uniqueEmail("sam"));
    await page.getByLabel("Choose a password").fill("a long enough password");
    await page.getByRole("button", { name: "Create my organisation" }).click();
    await expect(page.getByRole("alert")).toContainText("Another organisation already uses that web address");
    await expect(page.getByLabel("Your organisation's name")).toHaveValue("Oakfield Again");
    await context.close();
  });
});

/** The invitation link in an email, as a path on this site. */
function joinPath(html: string) {
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&")).find((h) => h.includes("/join?token="));
  if (!href) throw new Error("no invitation link in the email");
  const url = new URL(href);
  return url.pathname + url.search;
}

test("an admin invites a lead who accepts in another browser, then deactivates them: signed out on their next request", async ({
  page,
  browser,
  request,
}) => {
  const slug = `heathside-team-${randomBytes(3).toString("hex")}`;
  const adminEmail = uniqueEmail("admin");
  await page.goto("/start");
  await page.getByLabel("Your organisation's name").fill("Heathside Care");
  await page.getByLabel("Web address for your careers page").fill(slug);
  await page.getByLabel("Your name").fill("Priya Shah");
  await page.getByLabel("Your work email address").fill(adminEmail);
  await page.getByLabel("Choose a password").fill("heathside care 2026");
  await page.getByRole("button", { name: "Create my organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your organisation is ready" })).toBeVisible();

  await page.goto("/settings");
  await page.getByRole("link", { name: "Staff accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff accounts" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter their email address");
  await expectNoAxeViolations(page);

  const leadEmail = uniqueEmail("lead");
  await page.getByLabel("Their email address").fill(leadEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("lead");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText("Invitation sent.");
  await expect(page.getByText(`${leadEmail}, recruitment lead`)).toBeVisible();

  const invitation = await readLatestEmail(request, leadEmail, "Priya Shah has invited you to Heathside Care");
  const lead = await browser.newContext();
  const leadPage = await lead.newPage();
  await leadPage.goto(joinPath(invitation.html));
  await expect(leadPage.getByRole("heading", { level: 1, name: "Join your organisation" })).toBeVisible();
  await expectNoAxeViolations(leadPage);
  await leadPage.getByRole("button", { name: "Join" }).click();
  await expect(leadPage.getByRole("alert")).toContainText("Enter your name");
  await expectNoAxeViolations(leadPage);
  await leadPage.getByLabel("Your name").fill("Lou Lead");
  await leadPage.getByLabel("Choose a password").fill("lou lead password");
  await leadPage.getByRole("button", { name: "Join" }).click();
  await expect(leadPage.getByRole("button", { name: /Sign out/ })).toBeVisible();
  await leadPage.goto("/pipeline");
  await expect(leadPage.getByRole("heading", { level: 1 })).toBeVisible();

  await page.reload();
  await expect(page.getByText("Lou Lead", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Deactivate Lou Lead's account" }).click();
  await expect(page.getByRole("status")).toHaveText("Account deactivated. They have been signed out.");

  await page.goto("/settings/audit?kind=staff");
  await expect(page.getByRole("cell", { name: "Deactivated Lou Lead's account" })).toBeVisible();
  await expectNoAxeViolations(page);

  await leadPage.goto("/pipeline");
  await expect(leadPage).toHaveURL(/\/sign-in/);
  await expect(leadPage.getByRole("link", { name: "Staff sign in" })).toBeVisible();
  await lead.close();
});
