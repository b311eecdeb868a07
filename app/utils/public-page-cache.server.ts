import { createHash } from "node:crypto";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { getDb } from "#db/client.js";
import { type Listener, listen } from "#db/listen.js";
import { findPublicVersionBySlug } from "#db/queries/organisations.js";
import { getServerEnv } from "../env.server.js";

/**
 * A render cache for anonymous GETs of the public pages (the careers page and a vacancy's page),
 * which job boards, search engines and campaigns hit in bursts.
 *
 * - **Key**: host + path, valid only for the organisation's `public_version`, which triggers bump
 *   in the same transaction as any change to its vacancies, its teams' names or its name or slug
 *   (migration 2026_12_04_1420_public_page_version.ts), whatever code makes the change.
 * - **Across processes**: each process LISTENs for the bumps (`NOTIFY public_pages`, sent at
 *   commit) and also re-reads an organisation's version when it is older than `VERSION_TTL_MS`,
 *   so a missed notification (a lost listener connection) leaves a page stale for at most that.
 * - **Nonce**: the page is stored split around the nonce it was rendered with; every response
 *   joins it with its own fresh nonce (the one in its CSP header).
 * - **Never personal**: a request carrying the session cookie or an Authorization header is never
 *   answered from the cache and its page never stored; only a 200 HTML page without Set-Cookie
 *   is stored. Anything with a query string (`?_data=` navigations, `?index`) goes to Remix.
 * - **ETag / 304**: `Cache-Control: private, no-cache` (a shared cache must never hand one
 *   visitor's nonce to another), and a 304 carries no CSP header, so the browser keeps the policy
 *   that matches the nonce in the copy it stored.
 */

const PUBLIC_PAGE = /^\/o\/([a-z0-9-]{1,64})\/jobs(\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;
export const VERSION_TTL_MS = 1000;
const MAX_PAGES = 2000;
const MAX_SLUGS = 10_000;
const SESSION_COOKIE = /(?:^|;\s*)__circle=/;

type Version = { orgId: string; version: string } | null;
type Page = { orgId: string; version: string; parts: string[]; etag: string; contentType: string };

export type PublicPageCache = RequestHandler & { close(): Promise<void>; stats: { hits: number; misses: number } };

export function publicPageCache(
  build: ServerBuild,
  options: { mode: string; getLoadContext(req: ExpressRequest, res: ExpressResponse): Record<string, unknown> },
): PublicPageCache {
  const render = createRequestHandler(build, options.mode);
  const pages = new Map<string, Page>();
  const versions = new Map<string, { at: number; found: Promise<Version> }>();
  const stats = { hits: 0, misses: 0 };

  const listener: Listener = listen(getServerEnv().APP_DATABASE_URL, "public_pages", {
    onMessage(payload) {
      const [orgId, version] = payload.split(":");
      for (const [slug, entry] of versions) {
        void entry.found.then((v) => {
          // Replaced, not mutated: a request holding the old entry keeps the version it read.
          if (v?.orgId === orgId && BigInt(version) > BigInt(v.version) && versions.get(slug) === entry) {
            versions.set(slug, { at: entry.at, found: Promise.resolve({ orgId, version }) });
          }
        });
      }
    },
    onReset() {
      versions.clear();
    },
  });

  function versionOf(slug: string): Promise<Version> {
    const now = Date.now();
    const known = versions.get(slug);
    if (known && now - known.at < VERSION_TTL_MS) return known.found;
    // Unknown slugs are remembered too (briefly): bound the map against made-up ones.
    if (versions.size >= MAX_SLUGS) versions.clear();
    const found = findPublicVersionBySlug(getDb(), slug).then((row) => (row ? { orgId: row.id, version: row.publicVersion } : null));
    const entry = { at: now, found };
    versions.set(slug, entry);
    // A failed read is not remembered: the next request tries again (and Remix answers this one).
    found.catch(() => versions.get(slug) === entry && versions.delete(slug));
    return found;
  }

  const handler: RequestHandler = async (req, res, next) => {
    if (req.method !== "GET") return next();
    const match = PUBLIC_PAGE.exec(req.path);
    if (!match || req.originalUrl !== req.path) return next();
    if (req.headers.authorization || SESSION_COOKIE.test(req.headers.cookie ?? "")) return next();
    const nonce = res.locals.cspNonce as string;
    let version: Version;
    try {
      version = await versionOf(match[1]);
    } catch {
      return next();
    }
    if (!version) return next();
    const route = match[2] ? "routes/o.$slug.jobs.$vacancyId" : "routes/o.$slug.jobs._index";
    res.locals.route = route;
    const key = `${req.headers.host ?? ""}${req.path}`;
    const stored = pages.get(key);
    if (stored && stored.orgId === version.orgId && stored.version === version.version) {
      stats.hits++;
      return send(req, res, stored, nonce, "hit");
    }
    stats.misses++;
    try {
      const request = new Request(`${req.protocol}://${req.headers.host ?? "localhost"}${req.originalUrl}`, {
        method: "GET",
        headers: Object.entries(req.headers).flatMap(([name, value]) =>
          value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => [name, v] as [string, string]),
        ),
      });
      const response = await render(request, options.getLoadContext(req, res));
      const contentType = response.headers.get("Content-Type") ?? "";
      const body = await response.text();
      if (response.status === 200 && contentType.startsWith("text/html") && !response.headers.has("Set-Cookie")) {
        const parts = body.split(nonce);
        const etag = `"${version.version}-${createHash("sha1").update(parts.join("\0")).digest("base64url").slice(0, 22)}"`;
        const page = { orgId: version.orgId, version: version.version, parts, etag, contentType };
        if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value as string);
        pages.delete(key);
        pages.set(key, page);
        return send(req, res, page, nonce, "miss");
      }
      // Anything else (a 404, a redirect, an error page) goes out as Remix made it, unstored.
      res.status(response.status);
      for (const [name, value] of response.headers) {
        if (name === "set-cookie") res.append(name, value);
        else res.setHeader(name, value);
      }
      res.end(body);
    } catch (error) {
      next(error);
    }
  };

  return Object.assign(handler, { stats, close: () => listener.close() });
}

function send(req: ExpressRequest, res: ExpressResponse, page: Page, nonce: string, outcome: "hit" | "miss") {
  res.setHeader("ETag", page.etag);
  res.setHeader("Cache-Control", "private, no-cache");
  res.setHeader("Vary", "Cookie");
  res.setHeader("X-Page-Cache", outcome);
  const asked = req.headers["if-none-match"];
  if (asked?.split(/\s*,\s*/).includes(page.etag)) {
    res.removeHeader("Content-Security-Policy");
    res.statusCode = 304;
    return res.end();
  }
  const body = page.parts.join(nonce);
  res.setHeader("Content-Type", page.contentType);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.statusCode = 200;
  res.end(body);
}
