import * as z from "zod/mini";

/**
 * Web addresses that are, or may become, the app's own pages, so no organisation may take them.
 * The careers page lives at /o/<slug>, but a slug also names the organisation in emails and links,
 * so words that would read as part of the service are refused too.
 */
export const RESERVED_SLUGS = [
  "admin",
  "api",
  "app",
  "auth",
  "build",
  "circle",
  "circle-hire",
  "dev",
  "help",
  "jobs",
  "me",
  "o",
  "ops",
  "privacy",
  "settings",
  "sign-in",
  "sign-out",
  "start",
  "static",
  "support",
  "www",
] as const;

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** The one slug rule, for the form, the availability check and the use case. Null when acceptable. */
export function slugProblem(slug: string): string | null {
  if (!slug) return "Enter a web address for your organisation";
  if ((RESERVED_SLUGS as readonly string[]).includes(slug)) return "That web address is reserved. Choose another";
  if (slug.length < 2) return "Use at least 2 characters";
  if (slug.length > 40) return "Use 40 characters or fewer";
  if (!SLUG_PATTERN.test(slug)) return "Use only lowercase letters, digits and hyphens, starting and ending with a letter or digit";
  return null;
}

/** A suggested slug from the organisation's name ("Heathside Care" → "heathside-care"). */
export const slugFromName = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");

const slug = z.string({ error: "Enter a web address for your organisation" }).check(
  z.trim(),
  z.toLowerCase(),
  z.superRefine((value, ctx) => {
    const problem = slugProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem, input: value });
  }),
);

const email = z
  .string({ error: "Enter your email address" })
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, { error: "Enter your email address" }),
    z.maxLength(254, { error: "Use 254 characters or fewer" }),
    z.email({ error: "Enter an email address like name@example.com" }),
  );

const text = (missing: string, max: number) =>
  z
    .string({ error: missing })
    .check(z.trim(), z.minLength(1, { error: missing }), z.maxLength(max, { error: `Use ${max} characters or fewer` }));

export const PASSWORD_MIN = 10;
export const password = z
  .string({ error: "Enter a password" })
  .check(
    z.minLength(1, { error: "Enter a password" }),
    z.minLength(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters` }),
    z.maxLength(200, { error: "Use 200 characters or fewer" }),
  );

/** Sign-up at /start (the same schema in the browser and on the server). */
export const SignUpSchema = z.object({
  orgName: text("Enter your organisation's name", 120),
  slug,
  adminName: text("Enter your name", 120),
  email,
  password,
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SlugCheckSchema = z.object({ slug });

/** The default sender name: candidates see who is writing, and through what. */
export const defaultSenderName = (orgName: string) => `${orgName} via Circle Hire`;

const optionalEmail = z.string().check(
  z.trim(),
  z.toLowerCase(),
  z.refine((v) => v === "" || /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(v), {
    error: "Enter an email address like jobs@example.com",
  }),
  z.maxLength(200, { error: "Use 200 characters or fewer" }),
);

/** Settings > Organisation: the name, the public contact email and the sender name. */
export const OrganisationDetailsSchema = z.object({
  name: z
    .string({ error: "Enter your organisation's name" })
    .check(
      z.trim(),
      z.minLength(1, { error: "Enter your organisation's name" }),
      z.maxLength(120, { error: "Use 120 characters or fewer" }),
    ),
  contactEmail: optionalEmail,
  senderName: z.string().check(
    z.trim(),
    z.maxLength(80, { error: "Use 80 characters or fewer" }),
    // It goes into the From header: no characters that would break it.
    z.refine((v) => !/[<>"\\@\r\n]/.test(v), { error: 'Use letters, digits, spaces and simple punctuation (no <, >, ", \\ or @)' }),
  ),
});
export type OrganisationDetailsInput = z.infer<typeof OrganisationDetailsSchema>;
