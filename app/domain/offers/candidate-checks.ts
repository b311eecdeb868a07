import type { CheckKind, CheckStatus } from "#db/schema.js";

/**
 * The pre-start checks as a candidate reads them: what each one is, where it has got to, and what
 * (if anything) they must do. Never the staff note: that is written for colleagues.
 */
const CHECKS: Record<CheckKind, { title: string; about: string; todo: string }> = {
  right_to_work: {
    title: "Right to work in the UK",
    about: "By law we must see that you can work in the UK.",
    todo: "Bring your passport to the office, or send us a share code from GOV.UK. We will tell you how.",
  },
  dbs: {
    title: "DBS check",
    about: "Everyone who works in care has a check of their criminal record.",
    todo: "We will email you a link to a form. Fill it in as soon as you can, as the check can take a few weeks.",
  },
  references: {
    title: "References",
    about: "We ask the people you named to tell us about you.",
    todo: "You do not need to do anything. If we cannot reach someone, we will ask you for help.",
  },
};

const ORDER: readonly CheckKind[] = ["right_to_work", "dbs", "references"];

const STATE: Record<CheckStatus, string> = {
  pending: "Not done yet",
  done: "Done",
  problem: "We need to talk to you",
};

export type CandidateCheck = { kind: CheckKind; title: string; about: string; state: string; status: CheckStatus; todo: string | null };

/** The checks in the order a candidate does them, each with its state and what they must do. */
export function candidateChecks(checks: readonly { kind: CheckKind; status: CheckStatus }[]): CandidateCheck[] {
  return [...checks]
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))
    .map(({ kind, status }) => ({
      kind,
      status,
      title: CHECKS[kind].title,
      about: CHECKS[kind].about,
      state: STATE[status],
      todo:
        status === "pending"
          ? CHECKS[kind].todo
          : status === "problem"
            ? "Something about this check needs a word with you. We will call or email you soon. You do not need to do anything yet."
            : null,
    }));
}
