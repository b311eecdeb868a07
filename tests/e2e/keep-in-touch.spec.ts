import { expect, test } from "@playwright/test";
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  openApplicationFromPipeline,
  readLatestEmail,
  signInAsStaff,
} from "../playwright-utils.js";

// Seeded: Jade Lowe accepted an offer 20 days ago (Ashdown, buddy Grace Lee); weeks 1 and 2 of the
// keep-in-touch emails went out when the worker started, and her DBS check has stalled.
const JADE = "jade.lowe@example.oakfield.test";

/** The reply link in a keep-in-touch email, as a path on this site. */
function replyPath(html: string) {
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).find((h) => h.includes("/check-in/"));
  if (!href) throw new Error("no reply link in the email");
  return new URL(href).pathname;
}

test.describe("on a phone without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("a new colleague replies to this week's keep-in-touch email", async ({ page, request }) => {
    const email = await readLatestEmail(request, JADE, /^What your first weeks look like: Ashdown is looking forward to /);
    expect(email.text).toMatch(/Your induction starts on your first day/);
    await page.goto(replyPath(email.html));
    await expect(page.getByRole("heading", { level: 1, name: "Thank you, Jade" })).toBeVisible();
    await page.getByLabel("Your message (optional)").fill("Looking forward to it. Is there parking near the office?");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("status")).toHaveText("Thank you: we have your reply.");
    await expect(page.getByLabel("Your message (optional)")).toHaveValue("Looking forward to it. Is there parking near the office?");
    await expectNoHorizontalScroll(page);
  });
});

test("the reply page passes axe, and the coach sees who may drop out, with the rates", async ({ page, request }) => {
  const email = await readLatestEmail(request, JADE, /^Meet your team: Ashdown is looking forward to /);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(replyPath(email.html));
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, Jade" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 1280, height: 720 });
  await signInAsStaff(page, "coach@oakfield.test");
  await page.goto("/offers/risks");
  await expect(page.getByRole("heading", { level: 1, name: "Staying close after the offer" })).toBeVisible();
  const jade = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Jade Lowe" }) });
  await expect(jade).toContainText("DBS check still pending for 12 days");
  await expect(jade).toContainText("Starts 34 days after accepting (more than four weeks)");
  await expect(page.getByRole("region", { name: "Drop-out and early leavers by quarter" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a lead sees the keep-in-touch plan on the application page and marks a buddy call done", async ({ page }) => {
  await signInAsStaff(page, "admin@oakfield.test");
  await openApplicationFromPipeline(page, "Offer", "Jade Lowe");
  const plan = page.getByRole("region", { name: "Keeping in touch" });
  await expect(plan.getByRole("heading", { level: 4, name: "Week 1 email" })).toBeVisible();
  await expect(plan.getByRole("listitem").filter({ hasText: "Week 1 email" })).toContainText("Sent");
  const call = plan.getByRole("listitem").filter({ hasText: "Buddy call, week 1" });
  await expect(call).toContainText(/To do this week|Overdue/);
  await expectNoAxeViolations(page);

  const form = call.getByRole("form", { name: "Buddy call, week 1: mark as done" });
  await form.getByLabel("How did it go? (optional)").fill("x".repeat(1001));
  await form.getByRole("button", { name: /Mark the call as done/ }).click();
  await expect(page.getByRole("alert").first()).toContainText("Use 1000 characters or fewer");
  await expectNoAxeViolations(page);
  await form.getByLabel("How did it go? (optional)").fill("Jade asked about parking; Grace will show her on day one.");
  await form.getByRole("button", { name: /Mark the call as done/ }).click();
  await expect(page.getByRole("status")).toContainText("The buddy call is marked as done.");
  const done = page.getByRole("region", { name: "Keeping in touch" }).getByRole("listitem").filter({ hasText: "Buddy call, week 1" });
  await expect(done).toContainText("Done");
  await expect(done).toContainText("Jade asked about parking");
});
