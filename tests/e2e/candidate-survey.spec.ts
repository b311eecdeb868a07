import { expect, type Page, test } from "@playwright/test";
import {
  answerSurveyPage,
  applyAs,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectSurveyPage,
  openApplicationFromPipeline,
  requestSignInLink,
  signInAsCandidate,
  signInAsStaff,
  uniqueEmail,
  uniqueName,
} from "../playwright-utils.js";

// The values survey on a small phone: 13 pages (7 of four statements, then 6 scenarios).
test.use({ viewport: { width: 360, height: 740 } });

const TITLE = "Care and support worker"; // Oakfield's Ashdown team
const APPLIED = `We have your application for ${TITLE}`;

/** Page 1's statements (Compassion, in app/domain/survey/default-survey.ts, the seeded live survey). */
const PAGE_1 = [
  "I can tell when someone is worried, even if they do not say so.",
  "I like to take time to listen to people.",
  "When I am busy, other people's feelings are not my problem.",
  "I stay calm and kind when someone is upset with me.",
];
const PAGE_2_FIRST = "If I say I will do something, I do it.";
const agreeMessage = (statement: string) => `Choose how much you agree with: "${statement}"`;

/**
 * What the lead should see. Every statement answered "Agree" (4) except PAGE_2_FIRST ("Strongly
 * agree", 5), and the first response to every scenario. scoreAnswers (app/domain/survey/scoring.ts):
 * a statement counts (a - 1) / 4, so Agree 0.75, Strongly agree 1, and Agree on a reverse statement
 * (6 - 4 = 2) 0.25; each value has 3 statements plus 1 reverse: 2.5 of 4 (Responsibility 2.75).
 * A scenario counts, per value its responses give points to, chosen / best points:
 *   Compassion      2.5 + sit1 1 + sit2 0 + sit4 0 + sit5 0          = 3.5 / 8  = 43.75 -> 44
 *   Responsibility  2.75 + sit1 0 + sit2 0 + sit3 1 + sit6 0         = 3.75 / 8 = 46.9  -> 47
 *   Collaboration   2.5 + sit2 1 + sit3 1 + sit5 1 + sit6 1          = 6.5 / 8  = 81.25 -> 81
 *   Curiosity       2.5 + sit1 1 + sit4 0 + sit6 1                   = 4.5 / 7  = 64.3  -> 64
 *   Creativity      2.5 + sit1 0 + sit4 1                            = 3.5 / 6  = 58.3  -> 58
 *   Flourishing     2.5 + sit1 0 + sit4 1                            = 3.5 / 6  = 58.3  -> 58
 *   Autonomy ...    2.5 + sit2 1 + sit5 1                            = 4.5 / 6  = 75
 * Fit: every weight is 1, so (44 + 47 + 81 + 64 + 58 + 58 + 75) / 7 = 61, at or above the seeded
 * threshold of 60 (no test changes Oakfield's settings): invited to a workshop automatically.
 */
const EXPECTED = {
  fit: 61,
  threshold: 60,
  values: {
    Compassion: 44,
    Responsibility: 47,
    Collaboration: 81,
    Curiosity: 64,
    Creativity: 58,
    Flourishing: 58,
    "Autonomy and accountability": 75,
  },
};

/** The application's card on /me. */
const applicationCard = (page: Page) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: TITLE, exact: true }) });

test("a candidate takes the survey on a phone, stops half-way, resumes from a new sign-in link, and the lead sees the profile", async ({
  page,
  request,
}) => {
  const fullName = uniqueName("Robin");
  const email = uniqueEmail("robin");

  await test.step("applies, and the link in the email opens the survey at page 1", async () => {
    await applyAs(page, { fullName, email, title: TITLE });
    await signInAsCandidate(page, request, email, APPLIED);
    await expect(page).toHaveURL(/\/me\/survey\/[0-9a-f-]{36}\/1$/);
    await expect(page.getByRole("heading", { level: 1, name: "How much do you agree?" })).toBeVisible();
    await expectSurveyPage(page, 1);
    await expect(page.getByRole("link", { name: /^Back to page/ })).toHaveCount(0);
    await expectNoHorizontalScroll(page);
  });

  await test.step("saves page 1 with nothing chosen and is told, statement by statement, what to answer", async () => {
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link")).toHaveCount(PAGE_1.length);
    for (const statement of PAGE_1) {
      await expect(summary.getByRole("link", { name: agreeMessage(statement), exact: true })).toBeVisible();
      // The message sits with its statement, and is read out with it.
      await expect(page.getByRole("group", { name: statement, exact: true })).toHaveAccessibleDescription(
        `Error: ${agreeMessage(statement)}`,
      );
    }
    await expectSurveyPage(page, 1);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    // Half answered: only the statements still unanswered are listed, and the choices stay.
    await page.getByRole("group", { name: PAGE_1[0], exact: true }).getByRole("radio", { name: "Agree", exact: true }).check();
    await page.getByRole("group", { name: PAGE_1[1], exact: true }).getByRole("radio", { name: "Agree", exact: true }).check();
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(summary.getByRole("link")).toHaveCount(2);
    await expect(summary.getByRole("link", { name: agreeMessage(PAGE_1[2]) })).toBeVisible();
    await expect(summary.getByRole("link", { name: agreeMessage(PAGE_1[3]) })).toBeVisible();
    await expect(
      page.getByRole("group", { name: PAGE_1[0], exact: true }).getByRole("radio", { name: "Agree", exact: true }),
    ).toBeChecked();
    await expect(
      page.getByRole("group", { name: PAGE_1[1], exact: true }).getByRole("radio", { name: "Agree", exact: true }),
    ).toBeChecked();
    await expectSurveyPage(page, 1);
  });

  await test.step("answers pages 1 to 3, goes back to page 2 and changes an answer", async () => {
    await answerSurveyPage(page, "Agree");
    await expectSurveyPage(page, 2);
    await answerSurveyPage(page, "Agree");
    await expectSurveyPage(page, 3);

    await page.getByRole("link", { name: "Back to page 2" }).click();
    await expectSurveyPage(page, 2);
    const groups = page.getByRole("main").getByRole("group");
    await expect(groups).toHaveCount(4);
    for (const group of await groups.all()) await expect(group.getByRole("radio", { name: "Agree", exact: true })).toBeChecked();
    await page.getByRole("group", { name: PAGE_2_FIRST, exact: true }).getByRole("radio", { name: "Strongly agree", exact: true }).check();
    await page.getByRole("button", { name: "Save and continue" }).click();
    // On to the first page not yet answered.
    await expectSurveyPage(page, 3);

    // The change was saved, and the other answers on the page are as they were.
    await page.getByRole("link", { name: "Back to page 2" }).click();
    await expectSurveyPage(page, 2);
    const changed = page.getByRole("group", { name: PAGE_2_FIRST, exact: true });
    await expect(changed.getByRole("radio", { name: "Strongly agree", exact: true })).toBeChecked();
    await expect(changed.getByRole("radio", { name: "Agree", exact: true })).not.toBeChecked();
    await expect(groups.filter({ has: page.getByRole("radio", { name: "Agree", exact: true, checked: true }) })).toHaveCount(3);
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expectSurveyPage(page, 3);
  });

  await test.step("answers pages 3 to 6", async () => {
    for (let n = 3; n <= 6; n++) {
      await expectSurveyPage(page, n);
      await answerSurveyPage(page, "Agree");
    }
    await expectSurveyPage(page, 7);
  });

  await test.step("leaves, asks for a new sign-in link on /me, and carries on where they stopped", async () => {
    // Gone: as if the phone's browser was closed.
    await page.context().clearCookies();
    await page.reload();
    await expect(page).toHaveURL(/\/me\?next=/);
    await requestSignInLink(page, request, email);

    await expect(page.getByRole("heading", { level: 1, name: `Hello ${fullName}` })).toBeVisible();
    const card = applicationCard(page);
    await expect(card).toContainText("Where you are: You are taking our values survey.");
    await expect(card.getByRole("link", { name: "Start the survey" })).toHaveCount(0);
    await card.getByRole("link", { name: "Carry on with the survey" }).click();

    // The first page with anything unanswered.
    await expect(page).toHaveURL(/\/me\/survey\/[0-9a-f-]{36}\/7$/);
    await expectSurveyPage(page, 7);
    await page.getByRole("link", { name: "Back to page 6" }).click();
    await expectSurveyPage(page, 6);
    const groups = page.getByRole("main").getByRole("group");
    await expect(groups).toHaveCount(4);
    for (const group of await groups.all()) await expect(group.getByRole("radio", { name: "Agree", exact: true })).toBeChecked();
    await page.goBack();
    await expectSurveyPage(page, 7);
  });

  await test.step("answers page 7, then the six scenarios, and finishes", async () => {
    await answerSurveyPage(page, "Agree");
    for (let n = 8; n <= 13; n++) {
      await expectSurveyPage(page, n);
      await expect(page.getByRole("heading", { level: 1, name: "What would you do?" })).toBeVisible();
      const question = page.getByRole("main").getByRole("group");
      await expect(question).toHaveCount(1);
      await expect(question).toHaveAccessibleDescription(/Choose the answer closest to what you would really do/);
      if (n === 8) {
        await expect(page.getByText("You arrive to help Mrs Ahmed get ready.", { exact: false })).toBeVisible();
        await expectNoHorizontalScroll(page);
        await expectNoAxeViolations(page);
      }
      if (n === 13) await expect(page.getByRole("button", { name: "Finish the survey" })).toBeVisible();
      await answerSurveyPage(page);
    }
    await expect(page).toHaveURL(/\/me\/survey\/[0-9a-f-]{36}\/done$/);
  });

  await test.step("is thanked and told what happens next, with no score", async () => {
    const main = page.getByRole("main");
    await expect(page.getByRole("heading", { level: 1, name: "Thank you for taking the survey" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "What happens next" })).toBeVisible();
    await expect(main).toContainText("There were no right or wrong answers.");
    await expect(main).toContainText("The next step is a friendly group workshop");
    await expect(main).not.toContainText(/\bfit\b|score|\d+ out of 100|\d+ ?%/i);
    await expect(page).toHaveTitle("Thank you for taking the survey");
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  await test.step("/me says the survey is finished", async () => {
    await page.getByRole("link", { name: "See your applications" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Hello ${fullName}` })).toBeVisible();
    const card = applicationCard(page);
    await expect(card).toContainText("You have finished the values survey.");
    await expect(card).toContainText("Where you are: You are invited to a group workshop.");
    await expect(card.getByRole("link", { name: /survey/ })).toHaveCount(0);
    await expect(card).not.toContainText(/\bfit\b|score/i);
  });

  await test.step("the lead sees the finished survey, the fit, the outcome and the profile chart", async () => {
    await page.context().clearCookies();
    await page.setViewportSize({ width: 1280, height: 720 });
    await signInAsStaff(page, "lead@oakfield.test");
    // A fit at or above the threshold: invited to a workshop, so it is in the Workshop column.
    await openApplicationFromPipeline(page, "Workshop", fullName);
    await expect(page.locator(".lede")).toContainText(`${TITLE}, Ashdown. Stage: Workshop`);

    const survey = page.getByRole("region", { name: "Values survey" });
    await expect(survey).toContainText(/Finished \d{1,2} \w{3,4} \d{4} \(survey version \d+\)/);
    await expect(survey).toContainText(`Overall fit ${EXPECTED.fit} out of 100, against a threshold of ${EXPECTED.threshold}.`);
    await expect(survey).toContainText("Invited to book a workshop automatically.");
    await expect(survey).not.toContainText("Waiting in the review queue");
    await expect(survey).toContainText("34 of 34 questions answered. Strongest values: Collaboration and Autonomy and accountability.");
    await expect(survey).toContainText(
      `Below the review threshold of ${EXPECTED.threshold}: Compassion (44), Responsibility (47), Creativity (58), Flourishing (58).`,
    );

    const chart = survey.getByRole("figure", { name: "Values profile, 0 to 100" });
    await expect(chart.getByRole("img", { name: /^Values profile, 0 to 100/ })).toBeVisible();
    await expect(chart.locator("svg[role=img]")).toHaveCount(1);
    await expect(chart.getByRole("columnheader")).toHaveText(["Value", "Candidate", "Team average", "Organisation average"]);
    const rows = chart.getByRole("row").filter({ has: page.getByRole("rowheader") });
    await expect(rows.getByRole("rowheader")).toHaveText(Object.keys(EXPECTED.values));
    for (const [name, score] of Object.entries(EXPECTED.values)) {
      const cells = rows.filter({ has: page.getByRole("rowheader", { name, exact: true }) }).getByRole("cell");
      // Candidate, team average, organisation average: Ashdown and Oakfield have enough answers.
      await expect(cells).toHaveText([String(score), /^\d{1,3}$/, /^\d{1,3}$/]);
    }

    const timeline = page.locator("ol.timeline > li");
    await expect(timeline).toHaveCount(3);
    await expect(timeline.last()).toContainText("Values survey → Workshop");
    await expect(timeline.last()).toContainText("by Values survey rule");
    await expect(timeline.last()).toContainText(`Why: Overall fit ${EXPECTED.fit} is at or above the threshold of ${EXPECTED.threshold}`);
    await expect(timeline.nth(1)).toContainText("Applied → Values survey");
    await expect(timeline.nth(1)).toContainText(`by ${fullName}`);
    await expectNoAxeViolations(page);
  });

  await test.step("the pipeline shows the fit, and the candidate is not in the review queue", async () => {
    await page.getByRole("link", { name: "Back to the pipeline" }).click();
    const card = page
      .getByRole("region", { name: /^Workshop\b/ })
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: fullName, exact: true }) });
    await expect(card).toContainText(`Survey complete: fit ${EXPECTED.fit}`);
    await expect(card).not.toContainText("to review");

    await page.getByLabel("Only the survey review queue").check();
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/review=1/);
    // The seed's candidate below the bar is there; this one is not.
    await expect(
      page.getByRole("region", { name: /^Values survey\b/ }).getByRole("link", { name: "Freya Lund", exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: fullName, exact: true })).toHaveCount(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a candidate answers page 1 and moves on to page 2 with plain forms", async ({ page, request }) => {
    const fullName = uniqueName("Ash");
    const email = uniqueEmail("ash");
    await applyAs(page, { fullName, email, title: TITLE });
    await signInAsCandidate(page, request, email, APPLIED);
    await expectSurveyPage(page, 1);

    // The server checks the page too.
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    for (const statement of PAGE_1) {
      await expect(page.getByRole("group", { name: statement, exact: true })).toHaveAccessibleDescription(
        `Error: ${agreeMessage(statement)}`,
      );
    }
    await expectSurveyPage(page, 1);

    // Half a page: the server names what is missing and keeps what was chosen.
    const first = page.getByRole("group", { name: PAGE_1[0], exact: true });
    await first.getByRole("radio", { name: "Agree", exact: true }).check();
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(
      page.getByRole("group", { name: PAGE_1[0], exact: true }).getByRole("radio", { name: "Agree", exact: true }),
    ).toBeChecked();
    await expect(page.getByRole("group", { name: PAGE_1[1], exact: true })).toHaveAccessibleDescription(
      `Error: ${agreeMessage(PAGE_1[1])}`,
    );

    await answerSurveyPage(page, "Disagree");
    await expectSurveyPage(page, 2);
    await expect(page).toHaveURL(/\/me\/survey\/[0-9a-f-]{36}\/2$/);
    await expect(page.getByRole("heading", { name: "There is a problem" })).toHaveCount(0);
    await expectNoHorizontalScroll(page);

    await page.getByRole("link", { name: "Back to page 1" }).click();
    await expectSurveyPage(page, 1);
    for (const statement of PAGE_1) {
      await expect(
        page.getByRole("group", { name: statement, exact: true }).getByRole("radio", { name: "Disagree", exact: true }),
      ).toBeChecked();
    }
  });
});
