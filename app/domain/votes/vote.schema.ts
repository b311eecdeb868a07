import * as z from "zod/mini";

const comment = z.string().check(z.trim(), z.maxLength(1000, { error: "Use 1000 characters or fewer" }));

/**
 * A ballot. A concern always needs a comment (the lead reads it); under consent a No is an
 * objection and needs its reason too. The same schema checks the form in the browser and on the server.
 */
export function ballotSchema(rule: "consent" | "majority") {
  return z
    .object({
      choice: z.enum(["yes", "no", "concern"], { error: "Choose Yes, No or I have a concern" }),
      comment,
    })
    .check(
      z.refine((b) => b.choice !== "concern" || b.comment.length > 0, {
        error: "Say what your concern is, so the team and the lead can talk about it",
        path: ["comment"],
      }),
      z.refine((b) => rule !== "consent" || b.choice !== "no" || b.comment.length > 0, {
        error: "Give your reason for objecting: under consent a No needs one",
        path: ["comment"],
      }),
    );
}

export const ConflictSchema = z.object({
  conflictReason: z
    .string({ error: "Say briefly why, for example a relative or a friend" })
    .check(
      z.trim(),
      z.minLength(1, { error: "Say briefly why, for example a relative or a friend" }),
      z.maxLength(300, { error: "Use 300 characters or fewer" }),
    ),
});

export const proxyBallotSchema = (rule: "consent" | "majority") =>
  z.intersection(z.object({ teamMemberId: z.guid({ error: "Choose who asked you" }) }), ballotSchema(rule));

export const CandidateMessageSchema = z.object({
  message: z
    .string({ error: "Write a message to the candidate" })
    .check(
      z.trim(),
      z.minLength(20, { error: "Write a message to the candidate of at least a sentence" }),
      z.maxLength(3000, { error: "Use 3000 characters or fewer" }),
    ),
});

export const VoteSettingsSchema = z.object({
  voteRule: z.enum(["consent", "majority"], { error: "Choose how the team decides" }),
  voteQuorum: z.enum(["half", "two_thirds", "three_quarters", "all"], { error: "Choose the quorum" }),
  voteWindowHours: z.coerce
    .number({ error: "Enter the voting window in hours" })
    .check(
      z.int({ error: "Enter a whole number of hours" }),
      z.minimum(24, { error: "Give the team at least 24 hours" }),
      z.maximum(336, { error: "Use 336 hours (two weeks) or fewer" }),
    ),
  voteVisibility: z.enum(["secret", "open"], { error: "Choose whether names are shown after the close" }),
});
