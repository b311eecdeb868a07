import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, readLatestEmail, signInAsStaff } from "../playwright-utils.js";

// Seeded: Olivia Grant did a shadow shift with Noor Hassan of Elm Court (3 members) yesterday.
const ELM_COURT = ["noor.hassan", "ian.cross", "della.marsh"].map((n) => `${n}@example.oakfield.test`);

/** The voting link in the "Your team's vote" email, as a path on this site. */
function votePath(html: string) {
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).find((h) => h.includes("/vote/"));
  if (!href) throw new Error("no voting link in the email");
  return new URL(href).pathname;
}

test("the host gives feedback, three team members vote on their phones, the vote closes and the lead sees the outcome", async ({
  browser,
  page,
  request,
}) => {
  test.slow();
  await signInAsStaff(page, "noor@oakfield.test");
  await page.goto("/shadow");
  await page.getByRole("link", { name: "Give feedback" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Feedback on Olivia Grant's shadow shift" })).toBeVisible();
  const values = page.getByRole("group").filter({ has: page.getByLabel("Seen clearly") });
  for (let i = 0; i < (await values.count()); i++) await values.nth(i).getByLabel("Seen clearly").check();
  await page.getByLabel("Yes, I would like them in the team").check();
  await page.getByLabel("What they said about the candidate").fill("She made me laugh and remembered my tea.");
  await page.getByLabel("The person we support").check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByText("Your feedback is saved")).toBeVisible();

  // The feedback opened the vote: each member gets a personal link and votes on a phone.
  for (const [index, email] of ELM_COURT.entries()) {
    const invitation = await readLatestEmail(request, email, "Your team's vote: should Olivia Grant join Elm Court?");
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: index !== 1 });
    const voter = await phone.newPage();
    await voter.goto(votePath(invitation.html));
    await expect(voter.getByRole("heading", { level: 1, name: "Should Olivia Grant join Elm Court?" })).toBeVisible();
    await expect(voter.getByText(/With this hire: 1 experienced, 3 new to care \(25% experienced\)/)).toBeVisible();
    await expect(voter.getByText("She made me laugh and remembered my tea.")).toBeVisible();
    await expectNoHorizontalScroll(voter);
    if (index === 0) {
      // A concern needs a comment: the problem is named at the field, in the browser.
      await voter.getByLabel("I have a concern").check();
      await voter.getByRole("button", { name: "Send my vote" }).click();
      await expect(voter.getByRole("heading", { name: "There is a problem" })).toBeVisible();
      await expect(voter.getByLabel("Comment")).toHaveAccessibleDescription(/Say what your concern is/);
      await expectNoAxeViolations(voter);
    }
    await voter.getByLabel("Yes", { exact: true }).check();
    await voter.getByRole("button", { name: "Send my vote" }).click();
    if (index < 2) {
      await expect(voter.getByText("Your vote is saved.")).toBeVisible();
      // Nobody sees a tally before the close.
      await expect(voter.getByRole("heading", { name: /^Result/ })).toHaveCount(0);
    } else {
      await expect(voter.getByRole("heading", { name: "Result: Passed" })).toBeVisible();
      await expectNoAxeViolations(voter);
    }
    await phone.close();
  }

  await page.getByRole("button", { name: /Sign out/ }).click();
  await signInAsStaff(page, "lead@oakfield.test");
  await readLatestEmail(request, "lead@oakfield.test", "The team vote on Olivia Grant has closed");
  await page.goto("/pipeline");
  await page.getByRole("link", { name: "Olivia Grant" }).click();
  await expect(page.getByText("Stage: Offer")).toBeVisible();
  const vote = page.getByRole("region", { name: "Team vote" });
  await expect(vote.getByRole("heading", { name: "Result: Passed" })).toBeVisible();
  await expect(vote).toContainText("3 of 3 eligible members voted (2 needed).");
  await expectNoAxeViolations(page);
});
