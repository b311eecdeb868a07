// Shared by the browser and the server actions (zod/mini keeps the bundle small).
import * as z from "zod/mini";
import { londonDay } from "../london-day.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (message: string, max: number) =>
  z
    .string({ error: message })
    .check(z.trim(), z.minLength(1, { error: message }), z.maxLength(max, { error: `Use ${max} characters or fewer` }));
const choice = (message: string) => z.string({ error: message }).check(z.regex(UUID, { error: message }));

/** A "YYYY-MM-DD" that names a real day on the calendar. */
export function isRealDate(date: string) {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
}
export const pastOrToday = (what: string) =>
  z.string({ error: `Enter the ${what}` }).check(
    z.minLength(1, { error: `Enter the ${what}` }),
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Enter the ${what} as a date, like 2026-01-04` }),
    z.refine((d) => isRealDate(d), { error: `Enter a real date for the ${what}` }),
    z.refine((d) => d <= londonDay(new Date()), { error: `The ${what} cannot be in the future` }),
  );

export const EXPERIENCE = { experienced: "Experienced in care", new_to_care: "New to care" } as const;

export const RegionSchema = z.object({ name: text("Enter the region's name", 80) });
export type RegionInput = z.infer<typeof RegionSchema>;

export const TeamSchema = z.object({
  name: text("Enter the team's name", 80),
  town: text("Enter the town the team works in", 80),
  regionId: choice("Choose the team's region"),
});
export type TeamInput = z.infer<typeof TeamSchema>;

const email = z.optional(
  z.string().check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(200, { error: "Use 200 characters or fewer" }),
    z.refine((e) => e === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), { error: "Enter an email address like name@example.com" }),
  ),
);

export const MemberSchema = z.object({
  name: text("Enter the member's name", 120),
  email,
  experience: z.enum(["experienced", "new_to_care"], { error: "Say whether they are experienced or new to care" }),
  joinedOn: pastOrToday("date they joined"),
  userId: z.optional(z.string().check(z.refine((v) => v === "" || UUID.test(v), { error: "Choose a staff account, or none" }))),
});
export type MemberInput = z.infer<typeof MemberSchema>;

export const MoveMemberSchema = z.object({
  memberId: choice("Choose the member"),
  toTeamId: choice("Choose the team they are moving to"),
  movedOn: pastOrToday("date they moved"),
});
export type MoveMemberInput = z.infer<typeof MoveMemberSchema>;

export const MemberLeftSchema = z.object({
  memberId: choice("Choose the member"),
  leftOn: pastOrToday("date they left"),
  reason: text("Say why they left", 300),
});
export type MemberLeftInput = z.infer<typeof MemberLeftSchema>;

export const ArchiveSchema = z.object({ id: choice("Choose what to archive") });
