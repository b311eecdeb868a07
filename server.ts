import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { getServerEnv } from "./app/env.server.js";
import { limitRequestBodies } from "./app/utils/body-limits.server.js";
import { getLogger } from "./app/utils/logger.server.js";
import { opsRoutes } from "./app/utils/ops-routes.server.js";
import { publicPageCache } from "./app/utils/public-page-cache.server.js";
import { requestLogging } from "./app/utils/request-log.server.js";
import { installRouteMatchCache } from "./app/utils/route-matching.server.js";
import { isCrossSiteWrite, securityHeaders } from "./app/utils/security.server.js";
import { withOutageResponses } from "./app/utils/outage.server.js";
import { drainAndClose } from "./app/utils/shutdown.server.js";
import { closeDb } from "./db/client.js";
import { closeProducerRedis } from "./jobs/connection.js";
import { closeEmailQueue } from "./jobs/queues.js";
import { checkEvictionPolicyOrExit } from "./jobs/redis-policy.js";

const env = getServerEnv();
// Remix matches the whole route tree several times per request: remembered per path instead.
installRouteMatchCache();
await checkEvictionPolicyOrExit("web");
const build = (await import(path.resolve("build/index.js"))) as ServerBuild;
const app = express();
app.disable("x-powered-by");
// A hop count, never `true`: see TrustProxyHops in app/env.server.ts.
if (env.TRUST_PROXY > 0) app.set("trust proxy", env.TRUST_PROXY);

// Fingerprinted assets never change; everything else is served fresh. Every file in public/ has a
// dot in its name and no page's path does, so pages skip express.static's look for a file.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
const publicFiles = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => (req.path.includes(".") ? publicFiles(req, res, next) : next()));
// Browsers ask for /favicon.ico whatever the page links to.
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
// Everything past the static files: one JSON log line and a latency sample per request.
app.use(requestLogging(build));

app.use((_req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.set(securityHeaders(nonce, env.APP_URL.startsWith("https://")));
  next();
});

// Cross-site POSTs are refused before any action runs.
app.use((req, res, next) => {
  if (isCrossSiteWrite(req.method, { get: (name) => req.get(name) })) {
    return res.status(403).type("text").send("Cross-site form posts are not accepted.");
  }
  next();
});
// /readyz, /metrics and the operators' queue dashboard (/ops/queues).
app.use(opsRoutes());

// Over-long bodies get a 413 page before Remix reads them into memory (last before Remix).
app.use(limitRequestBodies());

const getLoadContext = (req: express.Request, res: express.Response) => ({
  cspNonce: res.locals.cspNonce as string,
  clientIp: req.ip ?? "unknown",
});
// Anonymous GETs of the careers and vacancy pages, from the render cache when nothing changed.
const pageCache = env.PUBLIC_PAGE_CACHE ? publicPageCache(withOutageResponses(build), { mode: env.NODE_ENV, getLoadContext }) : undefined;
if (pageCache) app.use(pageCache);

app.all("*", createRequestHandler({ build: withOutageResponses(build), mode: env.NODE_ENV, getLoadContext }));

const log = getLogger();
const server = app.listen(env.PORT, () => log.info(`web: listening on port ${env.PORT}`));

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    log.info(`web: ${signal}, finishing requests in flight`);
    const { drained } = await drainAndClose(server, env.SHUTDOWN_TIMEOUT_MS, () =>
      Promise.allSettled([pageCache?.close(), closeDb(), closeEmailQueue(), closeProducerRedis()]),
    );
    if (!drained) log.error(`web: requests still running after ${env.SHUTDOWN_TIMEOUT_MS} ms were cut off`);
    process.exit(drained ? 0 : 1);
  });
}
