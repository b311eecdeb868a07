import * as z from "zod/mini";

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
