import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page } from "@playwright/test";

/** The seeded staff password (db/seeds/seed.ts DEMO_PASSWORD; not imported: it pulls in the database). */
export const DEMO_PASSWORD = "demo-password-1";

/** The local capture server started by tests/support/e2e-server.ts (the app's "Resend"). */
export const MAIL_URL = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? "3125"}`;

/** An address no other test or run uses. */
export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.test`;
/** A name no other test or run uses (letters only, like a real name). */
export const uniqueName = (first: string) =>
  `${first} ${Array.from(randomBytes(6), (b) => "abcdefghijklmnopqrstuvwxyz"[b % 26])
    .join("")
    .replace(/^./, (c) => c.toUpperCase())}`;

export type CapturedEmail = {
  id: string;
  subject: string;
  html: string;
  text: string;
  to: string[];
  from?: string;
  replyTo?: string[];
  createdAt: string;
  attachments?: { filename: string; content: string }[];
};

/**
 * The newest email to `to` (optionally whose subject matches), waiting for the worker to send it.
 * GET /captured?to= lists newest first.
 */
export async function readLatestEmail(request: APIRequestContext, to: string, subject?: string | RegExp, timeout = 15_000) {
  const matches = (m: CapturedEmail) => !subject || (typeof subject === "string" ? m.subject.includes(subject) : subject.test(m.subject));
  let found: CapturedEmail | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`${MAIL_URL}/captured?to=${encodeURIComponent(to)}`);
        expect(res.ok()).toBe(true);
        const messages = (await res.json()) as CapturedEmail[];
        found = messages.find(matches);
        return Boolean(found);
      },
      { message: `an email to ${to}${subject ? ` about ${subject}` : ""}`, timeout, intervals: [100, 250, 500] },
    )
    .toBe(true);
  return found as CapturedEmail;
}

/** Every email sent to `to` so far, newest first. */
export async function readEmails(request: APIRequestContext, to: string) {
  const res = await request.get(`${MAIL_URL}/captured?to=${encodeURIComponent(to)}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as CapturedEmail[];
}

/** The sign-in link in an email, as a path on this site (/auth/link?token=…). */
export function signInPath(email: CapturedEmail) {
  const href = [...email.html.matchAll(/href="([^"]+)"/g)]
    .map((m) => m[1].replaceAll("&amp;", "&"))
    .find((h) => h.includes("/auth/link?token="));
  if (!href) throw new Error(`no sign-in link in "${email.subject}"`);
  const url = new URL(href);
  return url.pathname + url.search;
}

export async function signInAsStaff(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /Sign out/ })).toBeVisible();
}

export type Applicant = {
  fullName: string;
  email: string;
  phone?: string;
  location?: string;
  /** Labels of the "When could you work?" boxes to tick. */
  availability?: string[];
  experienced?: boolean;
  /** Label of the "How did you hear about this job?" option. */
  source?: string;
  rightToWork?: boolean;
  adjustments?: string[];
  adjustmentsNote?: string;
};

/** Opens a vacancy from the organisation's careers page by its title. */
export async function openVacancy(page: Page, slug: string, title: string) {
  await page.goto(`/o/${slug}/jobs`);
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
}

/** Fills in the whole application form on the vacancy page that is open. */
export async function fillApplication(page: Page, a: Applicant) {
  await page.getByLabel("Full name").fill(a.fullName);
  await page.getByLabel("Email address").fill(a.email);
  await page.getByLabel("Phone number").fill(a.phone ?? "07700 900123");
  await page.getByLabel("Town or postcode").fill(a.location ?? "Ashdown");
  const when = page.getByRole("group", { name: "When could you work?" });
  for (const label of a.availability ?? ["Weekday mornings", "Weekends"]) await when.getByLabel(label).check();
  await page
    .getByRole("group", { name: "Have you worked in care before?" })
    .getByLabel(a.experienced ? "Yes, I have worked in care" : "No, I would be new to care")
    .check();
  await page.getByLabel("How did you hear about this job?").selectOption({ label: a.source ?? "A job website" });
  await page
    .getByRole("group", { name: "Do you have the right to work in the UK?" })
    .getByLabel(a.rightToWork === false ? "No" : "Yes", { exact: true })
    .check();
  const help = page.getByRole("group", { name: /Would anything make the next steps easier/ });
  for (const label of a.adjustments ?? []) await help.getByLabel(label).check();
  if (a.adjustmentsNote) await page.getByLabel(/Anything else we can do to help/).fill(a.adjustmentsNote);
  await page.getByLabel(/I have read the privacy notice/).check();
}

/** Applies for `title` at `slug` from the careers page and waits for the thank-you page. */
export async function applyAs(page: Page, a: Applicant & { slug?: string; title?: string }) {
  await openVacancy(page, a.slug ?? "oakfield", a.title ?? "Care and support worker");
  await fillApplication(page, a);
  await page.getByRole("button", { name: "Send my application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for applying" })).toBeVisible();
}

/** Follows the sign-in link in the newest email to `email` and presses Continue: ends on /me. */
export async function signInAsCandidate(page: Page, request: APIRequestContext, email: string, subject?: string | RegExp) {
  const message = await readLatestEmail(request, email, subject);
  await page.goto(signInPath(message));
  await page.getByRole("button", { name: "Continue" }).click();
  // The application email's link leads to the survey; a requested link leads to /me.
  await expect(page).toHaveURL(/\/me(\/survey\/[0-9a-f-]+\/\d+)?$/);
}

/** The page has no horizontal scroll (nothing wider than the viewport). */
export async function expectNoHorizontalScroll(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `page ${page.url()} is ${scrollWidth}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe on the page and fails with a readable list (rule, impact, help, every target) if anything is wrong. */
export async function expectNoAxeViolations(page: Page) {
  // Legacy mode runs axe in the page itself instead of opening a blank page to merge frame
  // results: the app has no iframes, and it halves the time on a busy machine.
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode().analyze();
  const readable = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}): ${v.help} <${v.helpUrl}>\n` +
      v.nodes.map((n) => `    at ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replaceAll("\n", "\n      ")}`).join("\n"),
  );
  expect(readable, `axe found ${violations.length} violation(s) on ${page.url()}`).toEqual([]);
}

/** The newest email to `to` whose subject matches and that is not among `seen` (emails read before), waiting for it. */
export async function readNewEmail(
  request: APIRequestContext,
  to: string,
  subject: string | RegExp,
  seen: CapturedEmail[],
  timeout = 15_000,
) {
  const old = new Set(seen.map((m) => m.id));
  const matches = (m: CapturedEmail) =>
    !old.has(m.id) && (typeof subject === "string" ? m.subject.includes(subject) : subject.test(m.subject));
  let found: CapturedEmail | undefined;
  await expect
    .poll(
      async () => {
        found = (await readEmails(request, to)).find(matches);
        return Boolean(found);
      },
      { message: `a new email to ${to} about ${subject}`, timeout, intervals: [100, 250, 500] },
    )
    .toBe(true);
  return found as CapturedEmail;
}

/**
 * Signed out, asks /me for a sign-in link by email, follows the link in the new email and presses
 * Continue: ends on /me (the link a candidate asks for leads there).
 */
export async function requestSignInLink(page: Page, request: APIRequestContext, email: string, orgName = "Oakfield Home Care") {
  const seen = await readEmails(request, email);
  await page.goto("/me");
  await expect(page.getByRole("heading", { level: 1, name: "See your applications" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const message = await readNewEmail(request, email, `Your sign-in link for ${orgName}`, seen);
  await page.goto(signInPath(message));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/me$/);
}

/** The survey page that is open is page `n` (of `of`). */
export async function expectSurveyPage(page: Page, n: number, of = 13) {
  await expect(page.getByText(`Page ${n} of ${of}`, { exact: true })).toBeVisible();
}

/**
 * Answers every question on the survey page that is open, then saves it: `choice` (a label of
 * the agree scale) for each statement, the first response for a scenario. Does not wait for the
 * next page: check where it lands with expectSurveyPage.
 */
export async function answerSurveyPage(page: Page, choice = "Agree") {
  await expect(page.getByText(/^Page \d+ of \d+$/)).toBeVisible();
  const groups = await page.getByRole("main").getByRole("group").all();
  expect(groups.length, `questions on ${page.url()}`).toBeGreaterThan(0);
  const scenario = await page.getByRole("heading", { level: 1, name: "What would you do?" }).isVisible();
  for (const group of groups) {
    await (scenario ? group.getByRole("radio").first() : group.getByRole("radio", { name: choice, exact: true })).check();
  }
  await page.getByRole("button", { name: /^(Save and continue|Finish the survey)$/ }).click();
}

/** Opens `fullName`'s application from the given column (stage) of the pipeline. */
export async function openApplicationFromPipeline(page: Page, column: string, fullName: string) {
  await page.goto("/pipeline");
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline" })).toBeVisible();
  await page
    .getByRole("region", { name: new RegExp(`^${column}\\b`) })
    .getByRole("link", { name: fullName, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: fullName, exact: true })).toBeVisible();
}

/** A five-person roster file; `experience` is the third person's (anything but the two words is a bad row). */
export const roster = (experience: string) =>
  Buffer.from(`name,email,experience,joined
Asha Patel,asha.${Date.now()}@example.test,experienced,2024-03-01
Ben Okafor,,new to care,1/9/2024
Cara Jones,cara.${Date.now()}@example.test,${experience},2024-10-14
Dev Singh,,new_to_care,2025-01-06
Eve Brown,,experienced,2025-02-03
`);

/** The date `days` from today, as a date field takes it ("2026-12-25"). */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
