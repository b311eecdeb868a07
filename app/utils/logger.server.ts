import { pino, stdSerializers } from "pino";
import { singleton } from "#db/singleton.js";
import { getServerEnv } from "../env.server.js";
import { currentLogContext } from "./request-context.server.js";

/**
 * The one logger of the web and worker processes: JSON lines on stdout, for whatever collects
 * them. Request and job context (request id, organisation id, job id) is added to every line.
 *
 * Personal data never belongs in a log line: log ids, never emails, names, tokens or links. Two
 * safety nets catch a mistake: `redact` blanks fields with personal names, and `scrubText`
 * rewrites anything that looks like an email address, a link or a secret token in messages,
 * string fields and error messages.
 */
export function getLogger() {
  return singleton("logger", () =>
    pino(
      {
        level: getServerEnv().LOG_LEVEL,
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        messageKey: "msg",
        mixin: () => ({ ...currentLogContext() }),
        redact: { paths: PII_PATHS, censor: "[redacted]" },
        serializers: { err: (error: Error) => scrubError(stdSerializers.err(error)) },
        formatters: { level: (label) => ({ level: label }), log: (object) => scrubObject(object, 3) as Record<string, unknown> },
        hooks: {
          logMethod(args, method) {
            method.apply(this, args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)) as Parameters<typeof method>);
          },
        },
      },
      // process.stdout (not pino's own fd writer): writes to a pipe or file are synchronous in
      // Node on Linux, and tests can watch what is written.
      process.stdout,
    ),
  );
}

const PII_FIELDS = ["email", "name", "fullName", "firstName", "lastName", "phone", "password", "token", "to", "link", "url", "cookie"];
const PII_PATHS = [
  ...PII_FIELDS,
  ...PII_FIELDS.map((field) => `*.${field}`),
  "req.headers.cookie",
  "req.headers.authorization",
  'headers["set-cookie"]',
];

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const LINK = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
// Sign-in, vote and check-in tokens are 256 random bits in base64url (43 characters). Ids (uuids,
// lowercase job ids) never mix upper case, lower case and digits like that.
const TOKEN_LIKE = /[A-Za-z0-9_-]{24,}/g;
const looksRandom = (s: string) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s);

/** Replaces email addresses, links and token-like strings. */
export function scrubText(text: string): string {
  return text
    .replace(LINK, "[link]")
    .replace(EMAIL, "[email]")
    .replace(TOKEN_LIKE, (match) => (looksRandom(match) ? "[token]" : match));
}

function scrubObject(value: unknown, depth: number): unknown {
  if (typeof value === "string") return scrubText(value);
  // Errors are left to the `err` serializer, which scrubs their message and stack.
  if (depth === 0 || value === null || typeof value !== "object" || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrubObject(item, depth - 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubObject(item, depth - 1)]));
}

function scrubError(error: ReturnType<typeof stdSerializers.err>) {
  return { ...error, message: scrubText(error.message ?? ""), stack: scrubText(error.stack ?? "") };
}
