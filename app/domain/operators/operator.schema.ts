import * as z from "zod/mini";

const email = z
  .string({ error: "Enter your email address" })
  .check(z.trim(), z.toLowerCase(), z.email({ error: "Enter an email address like name@example.com" }));

export const OperatorSignInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password" }).check(z.minLength(1, { error: "Enter your password" })),
  redirectTo: z.optional(z.string()),
});

/** What `npm run operator:create` accepts: a long password, since this account sees every organisation's queues. */
export const NewOperatorSchema = z.object({
  email,
  password: z.string().check(z.minLength(12, { error: "The password must be at least 12 characters" })),
});
