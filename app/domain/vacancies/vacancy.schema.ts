// Shared by the browser and the server actions (zod/mini keeps the bundle small).
import * as z from "zod/mini";
import { CONTRACT_TYPES, paragraphs, payText } from "./vacancy-text.js";

export { CONTRACT_TYPES, paragraphs, payText };
import { londonDay } from "../london-day.js";
import { isRealDate } from "../teams/team.schema.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (message: string, max: number) =>
  z
    .string({ error: message })
    .check(z.trim(), z.minLength(1, { error: message }), z.maxLength(max, { error: `Use ${max} characters or fewer` }));

const POUNDS = /^£?\s*\d{1,3}(\.\d{1,2})?$/;
/** "12.50" or "£12.50" as pence; undefined when empty. */
export const toPence = (value: string | undefined) => (value ? Math.round(Number(value.replace(/[£\s]/g, "")) * 100) : undefined);
const money = (message: string) =>
  z.string({ error: message }).check(
    z.trim(),
    z.refine((v) => v === "" || POUNDS.test(v), { error: message }),
  );

export const VacancySchema = z
  .object({
    title: text("Enter the job title", 120),
    teamId: z.string({ error: "Choose the team" }).check(z.regex(UUID, { error: "Choose the team" })),
    town: text("Enter the town", 80),
    postcode: z
      .string({ error: "Enter the postcode" })
      .check(
        z.trim(),
        z.toUpperCase(),
        z.minLength(1, { error: "Enter the postcode" }),
        z.regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, { error: "Enter a UK postcode, like BS1 4DJ" }),
      ),
    hours: text("Enter the hours, like 20 to 30 hours a week", 120),
    payFrom: money("Enter the pay per hour in pounds, like 12.50").check(
      z.minLength(1, { error: "Enter the pay per hour in pounds, like 12.50" }),
    ),
    payTo: z.optional(money("Enter the top of the pay range in pounds, like 13.50, or leave it empty")),
    contractType: z.enum(["full_time", "part_time", "fixed_term", "bank"], { error: "Choose the contract type" }),
    closesOn: z.string({ error: "Enter the closing date" }).check(
      z.minLength(1, { error: "Enter the closing date" }),
      z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter the closing date as a date, like 2027-01-04" }),
      z.refine((d) => isRealDate(d), { error: "Enter a real date for the closing date" }),
      z.refine((d) => d >= londonDay(new Date()), { error: "The closing date cannot be in the past" }),
    ),
    summary: text("Write a short summary: what the person will value in this job", 300),
    description: text("Describe the job in a few plain paragraphs", 5000),
  })
  .check(
    z.refine((v) => !v.payTo || (toPence(v.payTo) ?? 0) >= (toPence(v.payFrom) ?? 0), {
      error: "The top of the pay range must be at least the pay per hour",
      path: ["payTo"],
    }),
  );
export type VacancyInput = z.infer<typeof VacancySchema>;
