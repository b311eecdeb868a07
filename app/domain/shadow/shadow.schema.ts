import * as z from "zod/mini";
import { RECOMMENDATION_LABELS, REFLECTION_ANSWERS, SEEN_LABELS, SHADOW_CUTOFF_HOURS, SUPPORTED_BY_LABELS } from "./shadow-options.js";

export { RECOMMENDATION_LABELS, REFLECTION_ANSWERS, SEEN_LABELS, SHADOW_CUTOFF_HOURS, SUPPORTED_BY_LABELS };

const date = z.string({ error: "Enter the date" }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter the date, like 2026-12-01" }));
const time = z.string({ error: "Enter a time" }).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Enter a time like 09:30" }));
const optional = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, { error: `Use ${max} characters or fewer` })));

/** Staff arranging a shift: an open slot on /shadow, or a time proposed for one application. */
export const ShiftSchema = z
  .object({
    hostMemberId: z.guid({ error: "Choose who hosts the shift" }),
    date,
    startTime: time,
    endTime: time,
    meetingPoint: z
      .string({ error: "Enter where to meet" })
      .check(z.trim(), z.minLength(1, { error: "Enter where to meet" }), z.maxLength(300, { error: "Use 300 characters or fewer" })),
    visitDetails: optional(1000),
    bringAndWear: optional(1000),
  })
  .check(
    z.refine((s) => !s?.endTime || !s.startTime || s.endTime > s.startTime, {
      error: "End after the start time",
      path: ["endTime"],
      // Checked even when other fields have problems, so every problem is named at once.
      when: () => true,
    }),
  );
export type ShiftInput = z.infer<typeof ShiftSchema>;

export const PickSlotSchema = z.object({
  slotId: z.guid({ error: "Choose a time" }),
});

export const ReflectionSchema = z.object({
  answer: z.enum(["yes", "not_sure", "no"], { error: "Choose an answer" }),
  note: optional(1000),
});

export const WithdrawSchema = z.object({ reason: optional(500) });

/**
 * The host's feedback. One question per value of the organisation's live survey (fields
 * `seen_0`, `note_0`, ... in the values' order), so the schema is built from those value names;
 * the browser and the action build it from the same list.
 */
export function feedbackSchema(values: readonly string[]) {
  const perValue: Record<string, z.ZodMiniType> = {};
  values.forEach((value, i) => {
    perValue[`seen_${i}`] = z.enum(["clearly", "some", "not_seen"], { error: `Say how much you saw ${value.toLowerCase()}` });
    perValue[`note_${i}`] = optional(500);
  });
  return z
    .object({
      ...perValue,
      concerns: optional(2000),
      recommendation: z.enum(["yes", "unsure", "no"], { error: "Choose whether you recommend them" }),
      supportedComment: optional(1000),
      supportedBy: z.optional(z.enum(["", "person", "family"], { error: "Choose who said it" })),
    })
    .check(
      z.refine((f) => !f?.supportedComment || Boolean(f.supportedBy), {
        error: "Say who made the comment",
        path: ["supportedBy"],
        // Checked even when other answers are missing, so every problem is named at once.
        when: () => true,
      }),
    );
}

/** The parsed form as the feedback it records. */
export function feedbackFromForm(values: readonly string[], data: Record<string, unknown>) {
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  return {
    values: values.map((value, i) => ({
      value,
      seen: data[`seen_${i}`] as "clearly" | "some" | "not_seen",
      note: text(data[`note_${i}`]),
    })),
    concerns: text(data.concerns),
    recommendation: data.recommendation as "yes" | "unsure" | "no",
    supportedComment: text(data.supportedComment),
    supportedBy: text(data.supportedComment) ? ((data.supportedBy as "person" | "family") ?? null) : null,
  };
}
export type FeedbackInput = ReturnType<typeof feedbackFromForm>;
