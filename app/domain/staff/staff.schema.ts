import * as z from "zod/mini";
import { password } from "../organisations/organisation.schema.js";

export const STAFF_ROLES = ["admin", "lead", "coach", "member"] as const;
export const ROLE_LABELS: Record<(typeof STAFF_ROLES)[number], string> = {
  admin: "Admin",
  lead: "Recruitment lead",
  coach: "Coach",
  member: "Team member",
};

const role = z.enum(STAFF_ROLES, { error: "Choose a role" });

export const InviteStaffSchema = z.object({
  email: z
    .string({ error: "Enter their email address" })
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, { error: "Enter their email address" }),
      z.maxLength(254, { error: "Use 254 characters or fewer" }),
      z.email({ error: "Enter an email address like name@example.com" }),
    ),
  role,
});

export const ChangeRoleSchema = z.object({ role });

export const AcceptInvitationSchema = z.object({
  name: z
    .string({ error: "Enter your name" })
    .check(z.trim(), z.minLength(1, { error: "Enter your name" }), z.maxLength(120, { error: "Use 120 characters or fewer" })),
  password,
});
