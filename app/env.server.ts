import { z } from "zod";

const DEV_SECRET = "dev-only-session-secret-change-me-please";

/**
 * TRUST_PROXY is a hop count: the client address is taken that many entries from the right of
 * X-Forwarded-For, which only our own proxies can have written. Unset, "", "false" or "0" is 0
 * (use the socket address). "true" means 1, a single load balancer: "trust every hop" would let
 * anyone choose their address, and so their rate limits, by sending X-Forwarded-For themselves.
 * (z.coerce.boolean read "false" as true.)
 */
export const TrustProxyHops = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((value, ctx) => {
    if (!value || value === "false") return 0;
    if (value === "true") return 1;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    ctx.addIssue({ code: "custom", message: 'Use the number of proxies in front of the app (0, 1, 2 ...), or "false"' });
    return z.NEVER;
  });

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  APP_URL: z.url().default("http://localhost:3000"),
  // The owner role: runs migrations and the demo seed.
  DATABASE_URL: z.string().default("postgres://postgres@127.0.0.1:5432/circle_hire"),
  // The app's role: owns no table and cannot bypass row-level security.
  // Defaults to DATABASE_URL with the user swapped for `circle_app`.
  APP_DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  // Prefix for every BullMQ and rate-limit key, so test runs never collide.
  QUEUE_PREFIX: z.string().default("circle"),
  SESSION_SECRET: z.string().min(16).default(DEV_SECRET),
  RESEND_API_KEY: z.string().default("re_local_capture"),
  // The SDK's own variable; points at the local capture server in dev and tests.
  RESEND_BASE_URL: z.string().optional(),
  EMAIL_FROM: z.string().default("Circle Hire <hello@circlehire.test>"),
  // Optional integration: the local capture server's URL. When set, /dev/mailbox shows what was sent.
  DEV_MAILBOX_URL: z.string().optional(),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  // How many reverse proxies stand in front of the app (see TrustProxyHops).
  TRUST_PROXY: TrustProxyHops,
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(2000),
  // How often the worker checks that Redis still has its job schedulers (re-created when missing).
  SCHEDULER_CHECK_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  // A job's lock in the worker (BullMQ's default): a crashed worker's jobs are retried after about this long.
  JOB_LOCK_MS: z.coerce.number().int().positive().default(30_000),
  // On SIGTERM, how long the web server waits for requests in flight and the worker for running jobs.
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // JSON logs (pino) at this level and above, on stdout.
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Optional: the bearer token Prometheus sends to /metrics. Unset, /metrics does not exist (404).
  METRICS_TOKEN: z.string().min(16).optional(),
  // /readyz fails when the oldest email not yet sent is older than this (the relay runs every 2 s).
  READY_OUTBOX_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(300),
  // /readyz fails when no worker has written its heartbeat (every 10 s) for this long.
  READY_WORKER_MAX_SILENCE_SECONDS: z.coerce.number().int().positive().default(60),
  // The render cache for anonymous careers and vacancy pages (public-page-cache.server.ts); "off" for comparisons.
  PUBLIC_PAGE_CACHE: z
    .enum(["on", "off"])
    .default("on")
    .transform((v) => v === "on"),
});

export type Env = z.infer<typeof EnvSchema> & { APP_DATABASE_URL: string };

function appDatabaseUrl(ownerUrl: string) {
  const url = new URL(ownerUrl);
  url.username = "circle_app";
  url.password = "";
  return url.toString();
}

let cached: Env | undefined;

/** Parses process.env once; prints every invalid field and exits when the configuration is wrong. */
export function getServerEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error(`Invalid environment variables:\n${z.prettifyError(parsed.error)}`);
    throw new Error("Invalid environment variables");
  }
  const env = parsed.data;
  // Served over https means a real deployment (local runs, even of the production build, use http).
  if (env.APP_URL.startsWith("https://") && env.SESSION_SECRET === DEV_SECRET) {
    throw new Error("SESSION_SECRET must be set when APP_URL is https");
  }
  const appUrl = env.APP_DATABASE_URL ?? appDatabaseUrl(env.DATABASE_URL);
  // circle_app may read any organisation once it sets app.org_id, so its login must not rest on a
  // trusting pg_hba.conf: a deployment gives it a password (db:migrate sets it on the role).
  if (env.APP_URL.startsWith("https://") && !new URL(appUrl).password) {
    throw new Error("APP_DATABASE_URL must include the circle_app role's password when APP_URL is https");
  }
  cached = { ...env, APP_DATABASE_URL: appUrl };
  return cached;
}

/**
 * The dev mailbox exists only where email goes to the local capture server, never to the real
 * Resend API: a production deployment sets neither DEV_MAILBOX_URL nor RESEND_BASE_URL.
 */
export const isDevMailboxEnabled = () => {
  const env = getServerEnv();
  return Boolean(env.DEV_MAILBOX_URL && env.RESEND_BASE_URL) && !env.RESEND_BASE_URL?.includes("resend.com");
};
