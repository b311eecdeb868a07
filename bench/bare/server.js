// The bare Remix app's server: the same adapter (@remix-run/express) and the same per-request
// nonce and security headers as server.ts, nothing else. Plain JS, so it runs without tsx.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const here = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(here, "build/index.js"));
const app = express();
app.disable("x-powered-by");
app.use("/build", express.static(path.join(here, "public/build"), { immutable: true, maxAge: "1y" }));
app.use((_req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.set({
    "Content-Security-Policy": `default-src 'self'; script-src 'self' 'nonce-${nonce}'`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  });
  next();
});
app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }) }));
const server = app.listen(Number(process.env.PORT), () => console.log(`listening on port ${process.env.PORT}`));
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
});
