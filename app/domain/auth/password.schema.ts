// Kept apart from auth.schema.ts: the candidates' sign-in form imports that one, and must not load
// the organisation's schemas with it (the candidate pages' JavaScript budget).
import * as z from "zod/mini";
import { password } from "../organisations/organisation.schema.js";

/** A new password from an emailed reset link. */
export const ResetPasswordSchema = z.object({ token: z.string({ error: "This link is not complete" }), password });

/** A signed-in person changes their own password. */
export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password" }).check(z.minLength(1, { error: "Enter your current password" })),
  password,
});
