import type { HeadersFunction, ServerBuild } from "@remix-run/node";

export const OUTAGE_MESSAGE = "We're having a short technical problem. Please try again in a minute.";

// PostgreSQL SQLSTATEs that mean "not reachable right now", not "your query is wrong":
// class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, starting up), 53300 (too many connections).
const OUTAGE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
// Socket errors from Node (pg, ioredis, fetch) while a service restarts or fails over.
const OUTAGE_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND"]);
// pg's own messages for a connection that went away or never came (they carry no code).
const OUTAGE_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Connection is closed/i,
];

/** True when `error` (or its cause, or any error in an AggregateError) means a service is briefly unreachable. */
export function isOutageError(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (OUTAGE_SQLSTATE.test(code) || OUTAGE_ERRNO.has(code))) return true;
  if (OUTAGE_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isOutageError(e, depth + 1))) return true;
  return isOutageError(error.cause, depth + 1);
}

/** The 503 a request gets during an outage: the root error boundary shows the message as the page. */
export function outageResponse() {
  return new Response(OUTAGE_MESSAGE, {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60", "Cache-Control": "no-store" },
  });
}

const retryAfter: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers();
  const after = errorHeaders?.get("Retry-After");
  if (after) headers.set("Retry-After", after);
  return headers;
};

type RouteFunction = (...args: never[]) => unknown;

function guard<F extends RouteFunction>(fn: F): F {
  return (async (...args: Parameters<F>) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (!isOutageError(error)) throw error;
      const { code } = error as { code?: string };
      console.error(`request answered 503: ${code ? `${code} ` : ""}${(error as Error).message}`);
      throw outageResponse();
    }
  }) as F;
}

/**
 * The build with every loader and action answering a database (or Redis) outage with a 503 and a
 * plain-English page, instead of a 500 "something went wrong": the person is told to try again in
 * a minute, and the next request, once the service is back, succeeds.
 */
export function withOutageResponses(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      // A route module is an ES module namespace (frozen): copy it rather than patch it.
      const module = { ...route.module };
      if (module.loader) module.loader = guard(module.loader);
      if (module.action) module.action = guard(module.action);
      // Remix drops a thrown response's headers from the page unless a headers function passes them on.
      module.headers ??= retryAfter;
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes };
}
