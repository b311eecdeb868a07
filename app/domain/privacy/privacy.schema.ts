// Shared by the browser and the server actions (zod/mini keeps candidate pages small).
import * as z from "zod/mini";

const optionalText = (max: number) => z.string().check(z.trim(), z.maxLength(max, { error: `Use ${max} characters or fewer` }));
const requiredText = (message: string, max: number) =>
  z
    .string({ error: message })
    .check(z.trim(), z.minLength(1, { error: message }), z.maxLength(max, { error: `Use ${max} characters or fewer` }));

/** A candidate withdrawing one application: the reason is optional. */
export const WithdrawApplicationSchema = z.object({ reason: optionalText(500) });

/** A candidate deleting their data: they tick to say they understand it cannot be undone. */
export const DeleteMyDataSchema = z.object({
  understood: z.literal("yes", { error: "Tick the box to say you understand this cannot be undone" }),
});

/** A lead erasing someone on request. */
export const EraseCandidateSchema = z.object({
  reason: requiredText("Say why you are erasing this person's data, for example how they asked", 300),
  confirmOffer: z.optional(z.literal("yes")),
});

/** An admin erases a former colleague's data on request. */
export const EraseStaffSchema = z.object({
  reason: requiredText("Say why you are erasing this person's data, for example how they asked", 300),
  understood: z.literal("yes", { error: "Tick the box to say you understand this cannot be undone" }),
});

export const LegalHoldSchema = z.object({ reason: requiredText("Give the reason for the legal hold", 300) });

const months = (what: string, most = 60) =>
  z.coerce
    .number({ error: `Enter ${what} as a number of months` })
    .check(
      z.int({ error: "Enter a whole number of months" }),
      z.minimum(1, { error: "Keep data for at least 1 month" }),
      z.maximum(most, { error: `Keep data for no more than ${most} months` }),
    );
const words = optionalText(1000);

/** Settings > Data and privacy: how long candidates' data is kept, and the words of the decline email per stage. */
export const PrivacySettingsSchema = z.object({
  retentionMonths: months("how long to keep data"),
  retentionMonthsFutureJobs: months("how long to keep data for people who want to hear about future jobs"),
  staffRetentionMonths: months("how long to keep former colleagues' data", 120),
  words_applied: words,
  words_survey: words,
  words_workshop: words,
  words_shadow: words,
  words_vote: words,
  words_offer: words,
});

export const PrivacyNoticeSchema = z.object({
  body: requiredText("Write the privacy notice", 20000).check(
    z.minLength(200, { error: "Write at least 200 characters: say what you keep, why, who sees it, how long, and people's rights" }),
  ),
});
