import { expect, test } from "@playwright/test";
import {
  DEMO_PASSWORD,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  openApplicationFromPipeline,
  readEmails,
  readNewEmail,
  requestSignInLink,
  signInAsStaff,
} from "../playwright-utils.js";

// Seeded at the shadow step: Ruby Adams (Ashdown, two open slots offered by Grace and Tom),
// Ethan Doyle (Ashdown, nothing arranged), Felix Moore (Ashdown, shift with Sam two days ago).
const PHONE = { width: 360, height: 740 };
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Europe/London" });

test.describe("on a phone without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("a candidate picks an open slot, sees where the visit is once it is booked, and cancels it", async ({ page, request }) => {
    const email = "ruby.adams@example.oakfield.test";
    await requestSignInLink(page, request, email);
    await page.getByRole("link", { name: "Arrange or see your shadow shift" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your shadow shift" })).toBeVisible();
    // The visit (a client's home) is never shown before the shift is confirmed.
    await expect(page.getByText("5 Ash Grove")).toHaveCount(0);

    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    const times = page.getByRole("group", { name: "Times the team can offer" });
    await expect(times).toHaveAccessibleDescription(/Error: Choose a time/);
    await expect(times.getByRole("radio")).toHaveCount(2);
    await expectNoHorizontalScroll(page);

    const seen = await readEmails(request, email);
    const hostSeen = await readEmails(request, "grace@oakfield.test");
    await times.getByRole("radio", { name: /with Grace/ }).check();
    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page.getByText("Your shadow shift is booked.")).toBeVisible();
    const shift = page.getByRole("region", { name: "Your shift" });
    await expect(shift).toContainText("You will be with Grace.");
    await expect(shift).toContainText("Where to meet: Ashdown library, by the front entrance");
    await expect(shift).toContainText("The visit: Morning visit to Mrs J at home, 5 Ash Grove, Ashdown.");
    await expectNoHorizontalScroll(page);
    const confirmation = await readNewEmail(request, email, "Your shadow shift is confirmed", seen);
    expect(confirmation.text).toContain("5 Ash Grove");
    // The same calendar entry from the email and from the page.
    expect(confirmation.attachments?.map((a) => a.filename)).toEqual(["shadow-shift.ics"]);
    const fromEmail = Buffer.from(confirmation.attachments?.[0].content ?? "", "base64").toString();
    expect(fromEmail).toContain("METHOD:PUBLISH");
    const calendarLink = shift.getByRole("link", { name: "Add it to your calendar" });
    const file = await page.request.get((await calendarLink.getAttribute("href")) ?? "");
    // Long lines are folded (RFC 5545): unfolded before reading.
    const ics = (await file.text()).replace(/\r?\n[ \t]/g, "");
    const uid = ics.match(/UID:(.+)/)?.[1]?.trim();
    expect(uid).toMatch(/^shadow-[0-9a-f-]+@circlehire$/);
    expect(fromEmail).toContain(`UID:${uid}`);
    expect(ics).toContain("5 Ash Grove");
    const hostEmail = await readNewEmail(request, "grace@oakfield.test", "Ruby Adams is coming on your shadow shift", hostSeen);
    expect(hostEmail.attachments?.map((a) => a.filename)).toEqual(["shadow-shift.ics"]);

    await page.getByRole("button", { name: "Cancel my shadow shift" }).click();
    await expect(page.getByText("Your shadow shift is cancelled.")).toBeVisible();
    await expect(page.getByRole("group", { name: "Times the team can offer" }).getByRole("radio")).toHaveCount(2);
    const called = await readNewEmail(request, "grace@oakfield.test", "Ruby Adams cannot come to your shadow shift", hostSeen);
    const cancelIcs = Buffer.from(called.attachments?.[0].content ?? "", "base64").toString();
    expect(cancelIcs).toContain("METHOD:CANCEL");
    expect(cancelIcs).toContain(`UID:${uid}`);
  });
});

test("a lead proposes a shadow shift from the application page, and the candidate accepts it on a phone", async ({
  page,
  browser,
  request,
}) => {
  await signInAsStaff(page, "lead@oakfield.test");
  await openApplicationFromPipeline(page, "Shadow shift", "Ethan Doyle");
  const section = page.getByRole("region", { name: "Shadow shift" });
  await expect(section).toContainText("No shadow shift arranged yet.");
  await section.getByLabel("Host").selectOption({ label: "Sam Patel" });
  await section.getByLabel("Date").fill(dateIn(5));
  await section.getByLabel("Starts (UK time)").fill("10:00");
  await section.getByLabel("Ends (UK time)").fill("14:00");
  await section.getByLabel("Where to meet").fill("Ashdown office, 3 Mill Lane");
  await section.getByLabel("Visit details (optional)").fill("Lunch visit to Mr T, 12 Elm Lane");
  await section.getByLabel("What to bring and wear (optional)").fill("Comfortable shoes");
  await section.getByRole("button", { name: "Propose this shift" }).click();
  await expect(page.getByRole("status")).toContainText("The time is proposed.");
  await expect(section).toContainText("Proposed: waiting for the candidate to accept");
  await expectNoAxeViolations(page);

  const phone = await browser.newContext({ viewport: PHONE });
  const candidate = await phone.newPage();
  const email = "ethan.doyle@example.oakfield.test";
  await requestSignInLink(candidate, request, email);
  await candidate.getByRole("link", { name: "Arrange or see your shadow shift" }).click();
  const suggested = candidate.getByRole("region", { name: "The time we suggest" });
  await expect(suggested).toContainText("10:00am to 2:00pm");
  await expect(suggested).toContainText("Where to meet: Ashdown office, 3 Mill Lane");
  await expect(candidate.getByText("12 Elm Lane")).toHaveCount(0);
  await expectNoAxeViolations(candidate);
  await expectNoHorizontalScroll(candidate);

  const hostSeen = await readEmails(request, "sam@oakfield.test");
  await candidate.getByRole("button", { name: "Accept this time" }).click();
  await expect(candidate.getByText("Your shadow shift is booked.")).toBeVisible();
  await expect(candidate.getByRole("region", { name: "Your shift" })).toContainText("The visit: Lunch visit to Mr T, 12 Elm Lane");
  await expectNoAxeViolations(candidate);
  await expectNoHorizontalScroll(candidate);
  await readNewEmail(request, "sam@oakfield.test", "Ethan Doyle is coming on your shadow shift", hostSeen);
  await phone.close();

  await page.reload();
  await expect(page.getByRole("region", { name: "Shadow shift" })).toContainText("Confirmed");
});

test("after the shift the host gives feedback and the candidate says whether the job is for them", async ({ page, browser, request }) => {
  // The host follows the link in their email, which asks them to sign in first.
  await page.goto("/shadow");
  await page.getByLabel("Email address").fill("sam@oakfield.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shadow shifts" })).toBeVisible();
  await page.getByRole("link", { name: "Give feedback on Felix Moore's shift" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feedback on Felix Moore's shadow shift" })).toBeVisible();

  // Checked in the browser with the same schema the server uses.
  await page.getByLabel("What they said about the candidate").fill("He was kind and patient with my mum.");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Who said it?" })).toHaveAccessibleDescription("Error: Say who made the comment");
  await expect(page.getByLabel("What they said about the candidate")).toHaveValue("He was kind and patient with my mum.");
  await expectNoAxeViolations(page);

  const clearly = page.getByRole("radio", { name: "Seen clearly" });
  const count = await clearly.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) await clearly.nth(i).check();
  await page.getByRole("group", { name: "Would you like them to join the team?" }).getByLabel("Yes, I would like them in the team").check();
  await page.getByRole("group", { name: "Who said it?" }).getByLabel("A family member").check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("status")).toContainText("Your feedback is saved");

  await page.getByRole("link", { name: "Felix Moore's application" }).click();
  const section = page.getByRole("region", { name: "Shadow shift" });
  await expect(section).toContainText("From Sam Patel");
  await expect(section).toContainText("Recommendation: Yes, I would like them in the team");
  await expect(section).toContainText("He was kind and patient with my mum.");
  await expect(section).toContainText("In their own words: A family member");

  const phone = await browser.newContext({ viewport: PHONE });
  const candidate = await phone.newPage();
  await requestSignInLink(candidate, request, "felix.moore@example.oakfield.test");
  await candidate.getByRole("link", { name: "Arrange or see your shadow shift" }).click();
  await expect(candidate.getByRole("heading", { level: 2, name: "How was it?" })).toBeVisible();
  await candidate.getByRole("button", { name: "Send my answer" }).click();
  await expect(candidate.getByRole("group", { name: "Is this the job for you?" })).toHaveAccessibleDescription("Error: Choose an answer");
  await expectNoAxeViolations(candidate);
  await candidate.getByRole("group", { name: "Is this the job for you?" }).getByLabel("Yes, I think so").check();
  await candidate.getByLabel("Anything you would like to tell us? (optional)").fill("I loved meeting Mrs B.");
  await candidate.getByRole("button", { name: "Send my answer" }).click();
  await expect(candidate.getByText("Thank you for telling us.")).toBeVisible();
  await expect(candidate.getByRole("group", { name: "Is this the job for you?" }).getByLabel("Yes, I think so")).toBeChecked();
  await expectNoAxeViolations(candidate);
  await expectNoHorizontalScroll(candidate);
  await phone.close();

  await page.reload();
  await expect(page.getByRole("region", { name: "Shadow shift" })).toContainText(
    '"Is this the job for you?": Yes, I think so. "I loved meeting Mrs B."',
  );
});
