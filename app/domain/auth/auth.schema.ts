import * as z from "zod/mini";
import { password } from "../organisations/organisation.schema.js";

const email = z
  .string({ error: "Enter your email address" })
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, { error: "Enter your email address" }),
    z.email({ error: "Enter an email address like name@example.com" }),
  );

export const StaffSignInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password" }).check(z.minLength(1, { error: "Enter your password" })),
  redirectTo: z.optional(z.string()),
});

export const EmailLinkSchema = z.object({ email });

/** A new password from an emailed reset link. */
export const ResetPasswordSchema = z.object({ token: z.string({ error: "This link is not complete" }), password });

/** A signed-in person changes their own password. */
export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password" }).check(z.minLength(1, { error: "Enter your current password" })),
  password,
});
