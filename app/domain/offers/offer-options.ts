// The reasons for withdrawing, without zod: the candidate's offer page shows them before zod has loaded.

export const WITHDRAWAL_REASONS = {
  another_job: "They took another job",
  pay: "The pay",
  hours: "The hours",
  travel: "Travel to work",
  personal: "Personal reasons",
  checks_failed: "The pre-start checks did not pass",
  no_reply: "They stopped replying",
  other: "Something else",
} as const;
export type WithdrawalReasonKey = keyof typeof WITHDRAWAL_REASONS;

/** The same reasons in the candidate's own words, on their page. */
export const CANDIDATE_WITHDRAWAL_REASONS: Record<Exclude<WithdrawalReasonKey, "no_reply" | "checks_failed">, string> = {
  another_job: "I have taken another job",
  pay: "The pay",
  hours: "The hours",
  travel: "Travel to work",
  personal: "Personal reasons",
  other: "Something else",
};
