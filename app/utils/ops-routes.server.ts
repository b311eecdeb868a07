import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import express, { type RequestHandler } from "express";
import { singleton } from "#db/singleton.js";
import { getEmailQueue, getReminderQueue } from "#jobs/queues.js";
import { getLogger } from "./logger.server.js";
import { metricsHandler } from "./metrics.server.js";
import { findOperatorId } from "./operator-session.server.js";
import { readyzHandler } from "./readiness.server.js";

export const QUEUES_PATH = "/ops/queues";

/**
 * What operators use, mounted in server.ts ahead of Remix (after the request log, so these
 * requests are logged and measured too): /readyz, /metrics and the queue dashboard.
 */
export function opsRoutes() {
  const router = express.Router();
  router.get("/readyz", named("readyz"), readyzHandler);
  router.get("/metrics", named("metrics"), metricsHandler);
  router.use(QUEUES_PATH, named("ops/queues"), requireOperator, dashboardHeaders, (req, res, next) => queueBoard()(req, res, next));
  return router;
}

const named =
  (route: string): RequestHandler =>
  (_req, res, next) => {
    res.locals.route = route;
    next();
  };

/**
 * Platform operators only: a live session of the operator cookie (checked in PostgreSQL on every
 * request, so signing out ends it at once). Staff sessions, an organisation admin's included, count
 * for nothing here. A page view goes to the operator sign-in; the dashboard's API calls get 403.
 */
export const requireOperator: RequestHandler = async (req, res, next) => {
  let operatorId: string | null;
  try {
    operatorId = await findOperatorId(req.get("Cookie"));
  } catch (error) {
    getLogger().error({ err: error }, "could not check the operator session");
    return res.status(503).type("text").send("Cannot check your session right now.");
  }
  if (operatorId) {
    res.locals.operatorId = operatorId;
    return next();
  }
  if (req.method === "GET" && !req.path.startsWith("/api/") && req.accepts("html")) {
    return res.redirect(303, `/ops/sign-in?redirectTo=${encodeURIComponent(req.originalUrl)}`);
  }
  res.status(403).type("text").send("Platform operators only.");
};

/**
 * bull-board's page uses inline styles and a <base href>, which the site-wide policy forbids
 * (style-src 'self', base-uri 'none'). This policy, for the dashboard only, allows exactly those;
 * scripts still come only from this site (its config is a JSON <script>, which runs nothing).
 */
const dashboardHeaders: RequestHandler = (_req, res, next) => {
  res.set(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "base-uri 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  next();
};

/** Built on first use, so the queues' Redis connections open only when someone looks. */
function queueBoard() {
  return singleton("queue-board", () => {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUES_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(getEmailQueue()), new BullMQAdapter(getReminderQueue())],
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: "Circle Hire queues", miscLinks: [{ text: "Sign out", url: "/ops/sign-out" }] } },
    });
    return adapter.getRouter() as RequestHandler;
  });
}
