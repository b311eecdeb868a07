import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import {
  applyAs,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  openApplicationFromPipeline,
  signInAsCandidate,
  signInAsStaff,
} from "../playwright-utils.js";

// The smallest phones in use are 320px wide: a long name, address or note must wrap, never push
// the page sideways.
test.use({ viewport: { width: 320, height: 640 } });

const letters = (n: number) => Array.from(randomBytes(n), (b) => "abcdefghijklmnopqrstuvwxyz"[b % 26]).join("");

test("a long name, address and note wrap at 320px on the candidate's and the staff's pages", async ({ browser, page, request }) => {
  const fullName = `Anna Wolfeschlegelsteinhausenbergerdorff${letters(6)}`;
  const email = `anna.wolfeschlegelsteinhausenbergerdorff.${letters(6)}@example.test`;
  const location = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
  const note = `Please ring my daughter first: ${"Kinderbetreuungseinrichtungsplatzvergabeverfahren"} is what we call it.`;

  await test.step("applies and signs in: every candidate page fits", async () => {
    await applyAs(page, { fullName, email, location, adjustments: ["Extra time"], adjustmentsNote: note });
    await expectNoHorizontalScroll(page);
    await signInAsCandidate(page, request, email);
    await expectNoHorizontalScroll(page);
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: `Hello ${fullName}` })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  await test.step("the lead's pipeline and the application page fit too", async () => {
    const staff = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await signInAsStaff(staff, "lead@oakfield.test");
    await staff.goto("/pipeline");
    await expect(staff.getByRole("link", { name: fullName, exact: true })).toBeVisible();
    await expectNoHorizontalScroll(staff);
    await openApplicationFromPipeline(staff, "Applied", fullName);
    await expect(staff.getByText(location).first()).toBeVisible();
    await expect(staff.getByText(note).first()).toBeVisible();
    await expectNoHorizontalScroll(staff);
    await staff.close();
  });
});
