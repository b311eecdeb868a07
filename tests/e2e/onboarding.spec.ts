import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  fillApplication,
  openApplicationFromPipeline,
  readLatestEmail,
  uniqueEmail,
  uniqueName,
  inDays,
  roster,
} from "../playwright-utils.js";

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

test("a new provider, end to end: signs up, confirms, sets its sender, invites a lead who builds a team and publishes a job, a candidate applies from a phone", async ({
  page,
  browser,
  request,
}) => {
  // A long journey on a shared two-core machine.
  test.setTimeout(300_000);
  const slug = `heathside-${randomBytes(3).toString("hex")}`;
  const adminEmail = uniqueEmail("priya");
  const leadEmail = uniqueEmail("lou");
  const title = `Home carer ${randomBytes(2).toString("hex")}`;
  const candidate = { fullName: uniqueName("Kit"), email: uniqueEmail("kit") };

  await test.step("the admin signs up Heathside Care and confirms their email from the mailbox", async () => {
    await page.goto("/start");
    await page.getByLabel("Your organisation's name").fill("Heathside Care");
    await page.getByLabel("Web address for your careers page").fill(slug);
    await page.getByLabel("Your name").fill("Priya Shah");
    await page.getByLabel("Your work email address").fill(adminEmail);
    await page.getByLabel("Choose a password").fill("heathside care 2026");
    await page.getByRole("button", { name: "Create my organisation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your organisation is ready" })).toBeVisible();
    const message = await readLatestEmail(request, adminEmail, "Confirm your email address for Heathside Care");
    await page.goto(confirmPath(message.html));
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your email address is confirmed" })).toBeVisible();
  });

  await test.step("sets the sender name and the contact email replies go to, after a mistake", async () => {
    await page.goto("/settings");
    await page.getByRole("link", { name: "Organisation details" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisation details" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Public contact email (optional)").fill("jobs at heathside");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter an email address like jobs@example.com");
    await expectNoAxeViolations(page);
    await page.getByLabel("Public contact email (optional)").fill("jobs@heathside.example");
    await page.getByLabel("Sender name (optional)").fill("Heathside Jobs");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
  });

  const lead = await browser.newContext();
  const leadPage = await lead.newPage();
  await test.step("invites a recruitment lead, who accepts in another browser", async () => {
    await page.goto("/settings/staff");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter their email address");
    await expectNoAxeViolations(page);
    await page.getByLabel("Their email address").fill(leadEmail);
    await page.getByLabel("Role", { exact: true }).selectOption("lead");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toHaveText("Invitation sent.");
    const invitation = await readLatestEmail(request, leadEmail, "Priya Shah has invited you to Heathside Care");
    expect(invitation.from).toMatch(/^"Heathside Jobs" </);
    expect(invitation.replyTo).toEqual(["jobs@heathside.example"]);
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
  });

  await test.step("the lead creates a region and a team, and imports a five-person roster: one bad row reported, then fixed", async () => {
    await leadPage.goto("/teams/setup");
    await leadPage.getByLabel("Region name").fill("South West");
    await leadPage.getByRole("button", { name: "Add the region" }).click();
    await leadPage.getByLabel("Team name").first().fill("Ashdown");
    await leadPage.getByLabel("Town", { exact: true }).first().fill("Ashdown");
    await leadPage.getByLabel("Region", { exact: true }).first().selectOption({ label: "South West" });
    await leadPage.getByRole("button", { name: "Add the team" }).click();
    await expect(leadPage.getByRole("heading", { level: 1, name: "Ashdown" })).toBeVisible();
    await leadPage.getByRole("link", { name: "Import members from a roster file (CSV)" }).click();
    await leadPage.getByLabel("Roster file (CSV)").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: roster("sometimes") });
    await leadPage.getByRole("button", { name: "Check the file" }).click();
    await expect(leadPage.getByRole("cell", { name: /Line 4: Write "experienced" or "new to care"/ })).toBeVisible();
    await leadPage
      .getByLabel("Roster file (CSV)")
      .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: roster("experienced") });
    await leadPage.getByRole("button", { name: "Check the file" }).click();
    await leadPage.getByRole("button", { name: "Import 5 members" }).click();
    await expect(leadPage.getByRole("status")).toContainText("Imported 5 members");
  });

  await test.step("the lead publishes a vacancy", async () => {
    await leadPage.goto("/vacancies/new");
    await leadPage.getByLabel("Job title").fill(title);
    await leadPage.getByLabel("Team", { exact: true }).selectOption({ label: "Ashdown" });
    await leadPage.getByLabel("Town", { exact: true }).fill("Ashdown");
    await leadPage.getByLabel("Postcode").fill("bs1 4dj");
    await leadPage.getByLabel("Hours", { exact: true }).fill("20 to 30 hours a week");
    await leadPage.getByLabel("Pay per hour, in pounds").fill("12.60");
    await leadPage.getByLabel("Contract").selectOption({ label: "Permanent, part time" });
    await leadPage.getByLabel("Closing date").fill(inDays(21));
    await leadPage.getByLabel("Summary").fill("For someone who listens first and enjoys people's stories.");
    await leadPage
      .getByLabel("Description")
      .fill("You will visit people in their homes.\n\nA buddy from the team works alongside you at first.");
    await leadPage.getByRole("button", { name: "Save the draft" }).click();
    await expect(leadPage.getByRole("status")).toContainText("Draft saved");
    await leadPage.getByRole("button", { name: "Publish" }).click();
    await expect(leadPage.getByRole("status")).toContainText("Published");
  });

  await test.step("a candidate applies from the careers page on a 360px phone with JavaScript off", async () => {
    const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const candidatePage = await phone.newPage();
    await candidatePage.goto(`/o/${slug}/jobs`);
    await candidatePage.getByRole("link", { name: title, exact: true }).click();
    await expect(candidatePage.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectNoHorizontalScroll(candidatePage);
    await fillApplication(candidatePage, candidate);
    await candidatePage.getByRole("button", { name: "Send my application" }).click();
    await expect(candidatePage.getByRole("heading", { level: 1, name: "Thank you for applying" })).toBeVisible();
    await phone.close();
    const received = await readLatestEmail(request, candidate.email);
    expect(received.from).toMatch(/^"Heathside Jobs" </);
    expect(received.replyTo).toEqual(["jobs@heathside.example"]);
  });

  await test.step("the lead sees the application in the pipeline", async () => {
    await openApplicationFromPipeline(leadPage, "Applied", candidate.fullName);
    await expect(leadPage.getByText(title).first()).toBeVisible();
  });

  await test.step("the admin deactivates the lead, who is signed out on their next request", async () => {
    await page.goto("/settings/staff");
    await page.getByRole("button", { name: "Deactivate Lou Lead's account" }).click();
    await expect(page.getByRole("status")).toHaveText("Account deactivated. They have been signed out.");
    await page.goto("/settings/audit?kind=staff");
    await expect(page.getByRole("cell", { name: "Deactivated Lou Lead's account" })).toBeVisible();
    await expectNoAxeViolations(page);
    await leadPage.goto("/pipeline");
    await expect(leadPage).toHaveURL(/\/sign-in/);
    await lead.close();
  });
});
