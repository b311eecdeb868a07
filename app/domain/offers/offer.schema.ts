import * as z from "zod/mini";
import { CANDIDATE_WITHDRAWAL_REASONS, WITHDRAWAL_REASONS, type WithdrawalReasonKey } from "./offer-options.js";
import { ukToday } from "./offer-rules.js";

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .check(z.trim(), z.minLength(1, { error: `Enter the ${label}` }), z.maxLength(max, { error: `Use ${max} characters or fewer` }));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const choice = (message: string) => z.string({ error: message }).check(z.regex(UUID, { error: message }));
const optional = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, { error: `Use ${max} characters or fewer` })));
/** A "YYYY-MM-DD" that names a day on the calendar (not 2026-02-31 or 2026-13-01). */
export function isRealDate(date: string) {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
}
const isoDate = (what: string) =>
  z.string({ error: `Enter the ${what}` }).check(
    z.minLength(1, { error: `Enter the ${what}` }),
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Enter the ${what} as a date, like 2027-01-04` }),
    // Date.parse rolls over impossible days (2026-02-31 is 3 March), so the date must read back the same.
    z.refine((d) => isRealDate(d), { error: `Enter a real date for the ${what}` }),
  );
/** A start date: today or later, in UK time. */
const startDate = isoDate("start date").check(z.refine((d) => d >= ukToday(), { error: "The start date cannot be in the past" }));

/** The lead records an offer after the team's vote. */
export const OfferSchema = z.object({
  roleTitle: text("role", 120),
  hours: text("hours", 120),
  pay: text("pay", 120),
  startDate,
  teamId: choice("Choose the team"),
  buddyMemberId: choice("Choose a buddy from the team"),
});
export type OfferInput = z.infer<typeof OfferSchema>;

export const StartDateSchema = z.object({ startDate });

/** The candidate declines before accepting: the reason is theirs to give or not. */
export const DeclineOfferSchema = z.object({ reason: optional(500) });

export { CANDIDATE_WITHDRAWAL_REASONS, WITHDRAWAL_REASONS, type WithdrawalReasonKey };

const withdrawalReason = z.enum(Object.keys(WITHDRAWAL_REASONS) as [WithdrawalReasonKey, ...WithdrawalReasonKey[]], {
  error: "Choose the main reason",
});
export const WithdrawOfferSchema = z.object({ withdrawalReason, note: optional(1000) });

type CandidateWithdrawalReasonKey = keyof typeof CANDIDATE_WITHDRAWAL_REASONS;
/** The candidate's own withdrawal: only the reasons they can give (not the staff-only ones). */
export const CandidateWithdrawOfferSchema = z.object({
  withdrawalReason: z.enum(Object.keys(CANDIDATE_WITHDRAWAL_REASONS) as [CandidateWithdrawalReasonKey, ...CandidateWithdrawalReasonKey[]], {
    error: "Choose the main reason",
  }),
  note: optional(1000),
});

export const CHECK_KINDS = { references: "References", dbs: "DBS check", right_to_work: "Right to work check" } as const;
export const CHECK_STATUSES = { pending: "Pending", done: "Done", problem: "Problem" } as const;
export type CheckKindKey = keyof typeof CHECK_KINDS;

export const CheckSchema = z.object({
  kind: z.enum(["references", "dbs", "right_to_work"], { error: "Choose a check" }),
  status: z.enum(["pending", "done", "problem"], { error: "Choose pending, done or a problem" }),
  note: optional(1000),
});

/** A member left the team: the date they left, not in the future. */
export const LeftTeamSchema = z.object({
  memberId: choice("Choose the member"),
  leftOn: isoDate("date they left").check(z.refine((d) => d <= ukToday(), { error: "The date they left cannot be in the future" })),
});

export const OFFER_STATUS_LABELS = {
  offered: "Offered: waiting for their answer",
  accepted: "Accepted",
  declined: "Declined by the candidate",
  withdrawn: "Withdrawn after accepting",
  started: "Started",
  no_show: "Did not start (no-show)",
} as const;
