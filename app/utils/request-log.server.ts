import { randomUUID } from "node:crypto";
import type { AgnosticRouteObject } from "@remix-run/router";
import type { ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";
import { getLogger, scrubText } from "./logger.server.js";
import { observeRequest } from "./metrics.server.js";
import { cachedMatchRoutes, routeTree } from "./route-matching.server.js";
import { type LogContext, runWithLogContext } from "./request-context.server.js";

// Probes and scrapes arrive every few seconds: logged at debug level only.
const QUIET_ROUTES = new Set(["routes/healthz", "readyz", "metrics"]);

/**
 * One JSON line per request: id, method, route, status, duration and, once a tenant scope helper
 * has found it, the organisation. The route is the Remix route id (`routes/vote.$token`) or a
 * fixed name set by the handler (`res.locals.route`), never the URL: URLs carry sign-in, vote and
 * check-in tokens. The same labels feed the request latency histogram.
 *
 * The request id comes from X-Request-Id when a proxy set a plain one, or is made here; it goes
 * back in the response's X-Request-Id, and every log line written for the request carries it.
 */
export function requestLogging(build: Pick<ServerBuild, "routes">): RequestHandler {
  const routes = routeTree(build.routes);
  const routeIds = new Set(Object.keys(build.routes));
  const log = getLogger();

  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = plainRequestId(req.get("X-Request-Id")) ?? randomUUID();
    res.set("X-Request-Id", requestId);
    const context: LogContext = { requestId };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (res.locals.route as string | undefined) ?? remixRouteId(req.path, req.query._data, routes, routeIds);
      const status = res.writableFinished ? res.statusCode : 499;
      observeRequest({ route, method: req.method, status }, seconds);
      // A failing /readyz logs each failing check itself (readiness.server.ts).
      const level = QUIET_ROUTES.has(route) ? "debug" : status >= 500 ? "error" : "info";
      log[level](
        { requestId, orgId: context.orgId, method: req.method, route, status, durationMs: Math.round(seconds * 10_000) / 10 },
        "request",
      );
    };
    res.once("finish", finish);
    // A client that hangs up first: logged as 499, as nginx does.
    res.once("close", finish);
    runWithLogContext(context, next);
  };
}

function remixRouteId(path: string, dataParam: unknown, routes: AgnosticRouteObject[], routeIds: Set<string>) {
  // A fetcher's data request names its route (?_data=routes/x); only known ids become labels.
  if (typeof dataParam === "string" && routeIds.has(dataParam)) return dataParam;
  const matches = cachedMatchRoutes(routes, path);
  return matches?.at(-1)?.route.id ?? "unmatched";
}

/** A caller's request id, if it is short, plain and carries nothing the scrubber would remove. */
function plainRequestId(value: string | undefined) {
  return value && /^[\w.:-]{8,64}$/.test(value) && scrubText(value) === value ? value : undefined;
}
