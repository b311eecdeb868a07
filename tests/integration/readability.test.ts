import { DEFAULT_DECLINE_WORDS } from "#app/domain/applications/outcome-words.js";
import { defaultPrivacyNotice } from "#app/domain/privacy/privacy-notice.server.js";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CANDIDATE_STAGE_TEXT } from "#app/domain/applications/stages.js";
import { candidateChecks } from "#app/domain/offers/candidate-checks.js";
import { DEFAULT_KIT_CONTENT } from "#app/domain/offers/kit-content.js";
import { MIN_WORDS, readability, TARGET, templateBlocks } from "#tests/support/readability.js";

// Candidate copy is written for a reading age of 9-11: each paragraph, list item and heading of
// every candidate page and email, scored with Flesch-Kincaid (grade 6 or below, reading ease 70
// or above). Staff pages and emails are not held to it.

const root = path.resolve(import.meta.dirname, "../..");
const routes = readdirSync(path.join(root, "app/routes"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsx"));
const CANDIDATE_ROUTE = /^(me[._]|me\.tsx|o\.|auth\.link|check-in|privacy)/;
const CANDIDATE_COMPONENTS = ["survey-page-form.tsx", "shadow-outcome.tsx", "forms.tsx"];

const CANDIDATE_EMAILS = [
  "already-applied",
  "application-outcome",
  "application-received",
  "candidate-message",
  "keep-in-touch",
  "offer-candidate",
  "shadow-candidate",
  "sign-in-link",
  "survey-reminder",
  "waitlist-offer",
  "workshop-booked",
  "workshop-cancelled",
  "workshop-no-show",
  "workshop-reminder",
];
const STAFF_EMAILS = [
  "confirm-email",
  "reset-password",
  "password-changed",
  "staff-invitation",
  "member-survey-invite",
  "retention-report",
  "offer-alert",
  "offer-lead",
  "shadow-host",
  "team-mix-digest",
  "vote-notice",
  "workshop-low-numbers",
];

const templates = [
  ...routes.filter((f) => CANDIDATE_ROUTE.test(f)).map((f) => `app/routes/${f}`),
  ...CANDIDATE_COMPONENTS.map((f) => `app/components/${f}`),
  ...CANDIDATE_EMAILS.map((f) => `emails/${f}.tsx`),
  "emails/components/layout.tsx",
];

const tooHard = (blocks: string[]) =>
  blocks
    .map((text) => ({ text, ...readability(text) }))
    .filter((b) => b.words >= MIN_WORDS && (b.grade > TARGET.grade || b.ease < TARGET.ease))
    .map((b) => `grade ${b.grade.toFixed(1)}, ease ${b.ease.toFixed(0)}: ${b.text}`);

describe("candidate copy reads at a reading age of 9-11", () => {
  it("covers every email: each is a candidate's or a staff member's", () => {
    const emails = readdirSync(path.join(root, "emails"))
      .filter((f) => f.endsWith(".tsx") && f !== "send-email.server.tsx")
      .map((f) => f.replace(/\.tsx$/, ""));
    expect(emails.sort()).toEqual([...CANDIDATE_EMAILS, ...STAFF_EMAILS].sort());
    expect(templates.length).toBeGreaterThan(25);
  });

  it.each(templates)("%s", (file) => {
    expect(tooHard(templateBlocks(path.join(root, file)))).toEqual([]);
  });

  it("the keep-in-touch messages sent before the first day", () => {
    expect(tooHard(DEFAULT_KIT_CONTENT.map((m) => m.body))).toEqual([]);
  });

  it("the decline emails' words for each stage, and our privacy notice", () => {
    expect(tooHard([...Object.values(DEFAULT_DECLINE_WORDS), ...defaultPrivacyNotice("Oakfield Home Care", 6, 12).split("\n\n")])).toEqual(
      [],
    );
  });

  it("the pre-start checks, in each state, on the offer page", () => {
    const kinds = ["right_to_work", "dbs", "references"] as const;
    const checks = (["pending", "problem"] as const).flatMap((status) => candidateChecks(kinds.map((kind) => ({ kind, status }))));
    expect(tooHard(checks.flatMap((c) => [c.about, c.todo ?? ""]))).toEqual([]);
  });

  it("where each application is and what happens next, on /me", () => {
    expect(tooHard(Object.values(CANDIDATE_STAGE_TEXT).flatMap((t) => [t.now, t.next]))).toEqual([]);
  });
});
