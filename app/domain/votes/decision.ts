import type { VoteChoice, VoteOutcome, VoteQuorum, VoteResult, VoteRule } from "#db/schema.js";

/** Quorums the organisation can choose, as exact fractions of the eligible voters. */
export const QUORUMS: Record<VoteQuorum, { numerator: number; denominator: number; label: string }> = {
  half: { numerator: 1, denominator: 2, label: "Half of the eligible members" },
  two_thirds: { numerator: 2, denominator: 3, label: "Two thirds of the eligible members" },
  three_quarters: { numerator: 3, denominator: 4, label: "Three quarters of the eligible members" },
  all: { numerator: 1, denominator: 1, label: "Every eligible member" },
};

export const RULE_LABELS: Record<VoteRule, string> = {
  consent: "Consent: the hire goes ahead unless a member objects, with a reason",
  majority: "Majority: the hire goes ahead when more than half of the votes cast are yes",
};

export const CHOICE_LABELS: Record<VoteChoice, string> = { yes: "Yes", no: "No", concern: "I have a concern" };

export const OUTCOME_LABELS: Record<VoteOutcome, string> = {
  passed: "Passed",
  not_passed: "Did not pass",
  no_quorum: "Not enough votes",
  cancelled: "Stopped: the application closed before the vote did",
};

/** Votes needed for a decision: the quorum fraction of the eligible members, rounded up (integer maths, no float error). */
export function requiredVotes(eligible: number, quorum: VoteQuorum) {
  const { numerator, denominator } = QUORUMS[quorum];
  return Math.ceil((eligible * numerator) / denominator);
}

export type Tally = { yes: number; no: number; concern: number };

export function tally(choices: VoteChoice[]): Tally {
  const counts: Tally = { yes: 0, no: 0, concern: 0 };
  for (const choice of choices) counts[choice] += 1;
  return counts;
}

/**
 * The one place a vote's outcome is decided.
 * - No quorum: fewer votes cast than the quorum needs (or nobody eligible at all).
 * - Consent: passes unless someone voted No (an objection, which needs a reason); concerns do
 *   not block, they are shown to the lead.
 * - Majority: passes when Yes is more than half of the votes cast (a concern is a vote cast that
 *   is not a yes); a tie does not pass.
 */
export function decide(
  rule: VoteRule,
  quorum: VoteQuorum,
  eligible: number,
  counts: Tally,
): { outcome: Exclude<VoteOutcome, "cancelled">; result: VoteResult } {
  const cast = counts.yes + counts.no + counts.concern;
  const required = requiredVotes(eligible, quorum);
  const result: VoteResult = { eligible, required, cast, ...counts };
  if (eligible === 0 || cast < required) return { outcome: "no_quorum", result };
  const passed = rule === "consent" ? counts.no === 0 : counts.yes * 2 > cast;
  return { outcome: passed ? "passed" : "not_passed", result };
}

/** One line for the timeline and the emails: numbers only, never who voted which way. */
export function describeResult(rule: VoteRule, outcome: VoteOutcome, r: VoteResult) {
  if (outcome === "cancelled") return `${OUTCOME_LABELS.cancelled}.`;
  const turnout = `${r.cast} of ${r.eligible} eligible member${r.eligible === 1 ? "" : "s"} voted (${r.required} needed)`;
  if (outcome === "no_quorum") return `Not enough votes: ${turnout}.`;
  const counts = `${r.yes} yes, ${r.no} no, ${r.concern} with a concern`;
  const how = rule === "consent" ? (outcome === "passed" ? "no objections" : "at least one objection") : "majority of votes cast";
  return `${OUTCOME_LABELS[outcome]} (${rule}, ${how}): ${turnout}; ${counts}.`;
}

/**
 * Which moves a lead may make by hand with the pipeline's "Move to ..." button (the button shows
 * and `checkLeadMayMove` enforces the same rule): not into the vote (a vote is opened instead),
 * not to started (the start is confirmed in the offer section), and to the offer only after a
 * vote that went to the lead without a quorum (a passed vote moves the application itself).
 */
export const leadMayMoveTo = (to: string | null, vote: { status: string; outcome: string | null } | null) =>
  to !== "vote" && to !== "started" && (to !== "offer" || (vote?.status === "closed" && vote.outcome === "no_quorum"));
