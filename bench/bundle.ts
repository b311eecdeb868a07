/**
 * `npm run bench:bundle`: how much JavaScript the browser downloads for each page, gzipped.
 *
 * Reads the Remix build's asset manifest (public/build/manifest-*.js, the one build/index.js points
 * at) and, for each route, adds up the gzipped size (level 9, one file at a time, as the browser
 * fetches them) of every JS file that page loads: the entry module and its imports, then each
 * route from root down to the page (module + imports), plus any static import found inside those
 * files, each file counted once. Stylesheets, images and lazily imported chunks are not counted.
 *
 * Candidate-facing routes have a budget (BUNDLE_BUDGET_KIB, default 100 KiB); the script exits 1 if
 * one is over it, or if one of them is missing from the manifest. Staff routes are printed for
 * information only. It expects a build (`npm run bench:bundle` builds first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const BUDGET_KIB = Number(process.env.BUNDLE_BUDGET_KIB ?? 100);
const PUBLIC_DIR = path.resolve("public");
const ASSETS_DIR = path.join(PUBLIC_DIR, "build");

// The pages a candidate sees, by Remix route id.
const CANDIDATE_ROUTES = [
  "routes/_index",
  "routes/o.$slug.jobs._index",
  "routes/o.$slug.jobs.$vacancyId",
  "routes/o.$slug.jobs.$vacancyId_.applied",
  "routes/me",
  "routes/auth.link",
  "routes/privacy",
  "routes/me_.survey.$applicationId.$page",
  "routes/me_.survey.$applicationId.done",
  // Team members answer the same survey from a personal link, often on a phone.
  "routes/team-survey.$token.$page",
  "routes/team-survey.$token.done",
  "routes/me_.workshop.$applicationId",
  "routes/me_.shadow.$applicationId",
  "routes/me_.offer.$applicationId",
  "routes/me_.monitoring.$applicationId",
  // Team members vote from a personal link on their phone.
  "routes/vote.$token",
  // New starters reply to keep-in-touch emails and check-ins from a personal link.
  "routes/check-in.$token",
];

/**
 * Pages with their own budget. The voting page carries everything a voter needs on one page (the
 * survey chart, workshop scores, shadow feedback and the result) on top of a form: 110 KiB.
 */
const ROUTE_BUDGETS_KIB: Record<string, number> = { "routes/vote.$token": 110 };
const budgetOf = (id: string) => ROUTE_BUDGETS_KIB[id] ?? BUDGET_KIB;
const STAFF_ROUTES = [
  "routes/sign-in",
  "routes/pipeline._index",
  "routes/pipeline.$applicationId",
  "routes/teams._index",
  "routes/teams.$teamId",
  "routes/offers._index",
  "routes/settings.survey._index",
  "routes/settings.survey.edit",
  "routes/workshops._index",
  "routes/workshops.$workshopId",
  "routes/workshops.$workshopId_.attendance",
  "routes/workshops.$workshopId_.score",
  "routes/workshops.exercises._index",
  "routes/workshops.exercises.new",
  "routes/workshops.exercises.$exerciseId",
  "routes/workshops.exercises.$exerciseId_.edit",
  "routes/shadow._index",
  "routes/shadow.$shiftId.feedback",
];
// Routes with no page of their own (resource routes, actions only).
const NOT_PAGES = new Set([
  "routes/healthz",
  "routes/sign-out",
  "routes/me_.survey.$applicationId._index",
  "routes/team-survey.$token._index",
  "routes/me_.workshop.$applicationId.calendar[.]ics",
]);

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, ManifestRoute>; url?: string };

function fail(message: string): never {
  console.error(`bench:bundle: ${message}`);
  process.exit(1);
}

/** The manifest the server build refers to; the newest one if that cannot be told. */
function findManifest() {
  if (!existsSync(ASSETS_DIR)) fail("public/build is missing: run `npm run build` first (npm run bench:bundle does).");
  const fromServer = existsSync("build/index.js")
    ? readFileSync("build/index.js", "utf8").match(/\/build\/(manifest-[A-Za-z0-9]+\.js)/)?.[1]
    : undefined;
  if (fromServer && existsSync(path.join(ASSETS_DIR, fromServer))) return path.join(ASSETS_DIR, fromServer);
  const candidates = readdirSync(ASSETS_DIR)
    .filter((f) => /^manifest-[A-Za-z0-9]+\.js$/.test(f))
    .map((f) => path.join(ASSETS_DIR, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!candidates.length) fail("no public/build/manifest-*.js: run `npm run build` first.");
  return candidates[0];
}

function loadManifest(file: string): Manifest {
  const sandbox = { window: {} as { __remixManifest?: Manifest } };
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.window.__remixManifest;
  if (!manifest?.entry?.module || !manifest.routes) fail(`${file} does not define window.__remixManifest`);
  return manifest;
}

/** A URL under /build/ (as in the manifest) to the file on disk. */
const toFile = (url: string) => path.join(PUBLIC_DIR, url.replace(/^\//, ""));

const sizes = new Map<string, { raw: number; gzip: number; imports: string[] }>();
function fileInfo(url: string) {
  let info = sizes.get(url);
  if (!info) {
    const file = toFile(url);
    if (!existsSync(file)) fail(`${url} is in the manifest but ${file} does not exist (a build running at the same time?)`);
    const source = readFileSync(file);
    const text = source.toString("utf8");
    // Static imports only (`import{a}from"/build/x.js"`, `import"/build/x.js"`), not `import("...")`.
    const imports = [...text.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)].map((m) => new URL(m[1], `http://x${url}`).pathname);
    info = { raw: source.length, gzip: gzipSync(source, { level: 9 }).length, imports };
    sizes.set(url, info);
  }
  return info;
}

/** Every JS file the browser loads for `routeId`, deduplicated, in load order. */
function filesFor(manifest: Manifest, routeId: string) {
  const chain: ManifestRoute[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) fail(`route ${id} is not in the manifest (renamed? update bench/bundle.ts)`);
    chain.unshift(route);
  }
  const listed = [manifest.entry.module, ...(manifest.entry.imports ?? []), ...chain.flatMap((r) => [r.module, ...(r.imports ?? [])])];
  const seen = new Set<string>();
  const visit = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    for (const imported of fileInfo(url).imports) visit(imported);
  };
  for (const url of listed) visit(url);
  const extra = [...seen].filter((url) => !listed.includes(url));
  return { files: [...seen], extra };
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

const manifestFile = findManifest();
const manifest = loadManifest(manifestFile);
console.log(`manifest: ${path.relative(process.cwd(), manifestFile)} (version ${(manifest as { version?: string }).version ?? "?"})\n`);

// What every page pays: the entry module, root and their imports.
const base = filesFor(manifest, "root").files;
const baseGzip = base.reduce((sum, url) => sum + fileInfo(url).gzip, 0);

type Row = { id: string; files: number; raw: number; gzip: number; own: number; extra: string[] };
function measure(id: string): Row {
  const { files, extra } = filesFor(manifest, id);
  const raw = files.reduce((sum, url) => sum + fileInfo(url).raw, 0);
  const gzip = files.reduce((sum, url) => sum + fileInfo(url).gzip, 0);
  return { id, files: files.length, raw, gzip, own: gzip - baseGzip, extra };
}

const header = (budget: boolean) =>
  `${"route".padEnd(44)}${"files".padStart(6)}${"min KiB".padStart(10)}${"gzip KiB".padStart(10)}${"page-only".padStart(11)}${budget ? `${"budget".padStart(9)}  status` : ""}`;
const line = (r: Row, budget?: number) =>
  `${r.id.padEnd(44)}${String(r.files).padStart(6)}${kib(r.raw).padStart(10)}${kib(r.gzip).padStart(10)}${kib(r.own).padStart(11)}${
    budget === undefined ? "" : `${String(budget).padStart(9)}  ${r.gzip > budget * 1024 ? "OVER" : "ok"}`
  }`;

console.log(`Shared by every page (entry + root): ${base.length} files, ${kib(baseGzip)} KiB gzipped`);
console.log("'page-only' = gzip KiB on top of that shared part.\n");

console.log(`Candidate pages (budget ${BUDGET_KIB} KiB gzipped JS each)`);
console.log(header(true));
const candidates = CANDIDATE_ROUTES.map(measure);
for (const r of candidates) console.log(line(r, budgetOf(r.id)));

console.log("\nStaff pages (for information, no budget)");
console.log(header(false));
for (const r of STAFF_ROUTES.filter((id) => manifest.routes[id]).map(measure)) console.log(line(r));

const known = new Set(["root", ...CANDIDATE_ROUTES, ...STAFF_ROUTES, ...NOT_PAGES]);
const others = Object.keys(manifest.routes).filter((id) => !known.has(id));
if (others.length) {
  console.log("\nOther routes (not classified as candidate or staff in bench/bundle.ts: no budget)");
  console.log(header(false));
  for (const id of others) console.log(line(measure(id)));
}

const withExtra = candidates.filter((r) => r.extra.length);
for (const r of withExtra) console.log(`\nnote: ${r.id} statically imports files the manifest does not list: ${r.extra.join(", ")}`);

const over = candidates.filter((r) => r.gzip > budgetOf(r.id) * 1024);
if (over.length) {
  console.error(`\nOver budget: ${over.map((r) => `${r.id} (${kib(r.gzip)} KiB > ${budgetOf(r.id)} KiB)`).join(", ")}`);
  process.exit(1);
}
console.log(`\nAll ${candidates.length} candidate pages are within their budget of gzipped JS.`);
