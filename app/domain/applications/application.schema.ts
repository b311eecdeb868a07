// Shared by the browser (useSchemaForm) and the server action: zod/mini keeps the bundle small.
import * as z from "zod/mini";
import { ADJUSTMENTS, APPLICATION_ARRAY_FIELDS, AVAILABILITY, SOURCES } from "./application-options.js";

export { ADJUSTMENTS, APPLICATION_ARRAY_FIELDS, AVAILABILITY, SOURCES };

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const requiredText = (message: string, max = 200) =>
  z
    .string({ error: message })
    .check(z.trim(), z.minLength(1, { error: message }), z.maxLength(max, { error: `Use ${max} characters or fewer` }));

export const ApplicationSchema = z.object({
  fullName: requiredText("Enter your full name", 120),
  email: z
    .string({ error: "Enter your email address" })
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, { error: "Enter your email address" }),
      z.email({ error: "Enter an email address like name@example.com" }),
    ),
  phone: z
    .string({ error: "Enter your phone number" })
    .check(
      z.trim(),
      z.minLength(1, { error: "Enter your phone number" }),
      z.regex(/^\+?[0-9 ()-]{10,20}$/, { error: "Enter a phone number like 07700 900123" }),
    ),
  location: requiredText("Enter your town or postcode", 100),
  availability: z
    .array(z.enum(keys(AVAILABILITY)), { error: "Choose when you could work" })
    .check(z.minLength(1, { error: "Choose at least one time you could work" })),
  experience: z.enum(["experienced", "new_to_care"], { error: "Say whether you have worked in care before" }),
  source: z.enum(keys(SOURCES), { error: "Choose how you heard about this job" }),
  rightToWork: z.enum(["yes", "no"], { error: "Say whether you have the right to work in the UK" }),
  adjustments: z.array(z.enum(keys(ADJUSTMENTS))),
  adjustmentsNote: z.string().check(z.trim(), z.maxLength(1000, { error: "Use 1000 characters or fewer" })),
  /** They may be told about future jobs (we then keep their details for longer: Settings > Data and privacy). */
  futureJobs: z.optional(z.literal("yes")),
  consent: z.literal("yes", { error: "Tick the box to say you have read the privacy notice" }),
});

/** A candidate changes the adjustments they asked for, from /me. */
export const AdjustmentsSchema = z.pick(ApplicationSchema, { adjustments: true, adjustmentsNote: true });
export type AdjustmentsInput = z.infer<typeof AdjustmentsSchema>;

export type ApplicationInput = z.infer<typeof ApplicationSchema>;
/** What the form holds before validation. */
export type ApplicationFormValues = z.input<typeof ApplicationSchema>;

export const DeclineSchema = z.object({
  reason: requiredText("Give a reason for declining", 500),
  personalLine: z.optional(z.string().check(z.trim(), z.maxLength(500, { error: "Use 500 characters or fewer" }))),
  send: z.optional(z.enum(["now", "morning"], { error: "Choose when to send the email" })),
});

export const MoveSchema = z.object({
  to: z.string(),
  expectedStage: z.string(),
});
