import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The import rules in ARCHITECTURE.md ("Layers and folders"), checked on every file: routes →
// domain → db, jobs → domain, domain → emails only through app/domain/email, db/ and emails/
// import nothing from app/ (but the environment), and no circle of files. A rule broken on
// purpose is named in KNOWN below with the reason, so a new break fails and a fixed one must be
// crossed off.

const root = path.resolve(import.meta.dirname, "../..");

/** Every import of our own code, as repository paths: `from` → `to` (type-only imports included). */
function ownImports() {
  const files = ["app", "db", "jobs", "emails"].flatMap((dir) => walk(path.join(root, dir)));
  const known = new Set(files);
  const edges: { from: string; to: string }[] = [];
  for (const file of files) {
    const source = readFileSync(path.join(root, file), "utf8");
    for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)) {
      const to = resolve(file, match[1], known);
      if (to) edges.push({ from: file, to });
    }
    for (const match of source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) {
      const to = resolve(file, match[1], known);
      if (to) edges.push({ from: file, to });
    }
  }
  return edges;
}

function resolve(from: string, spec: string, known: Set<string>) {
  let target: string;
  if (spec.startsWith("#")) target = spec.slice(1);
  else if (spec.startsWith(".")) target = path.posix.join(path.posix.dirname(from), spec);
  else return spec.startsWith("@remix-run/") ? spec : null;
  target = target.replace(/\.js$/, "");
  return [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`].find((c) => known.has(c)) ?? `${target} (not found)`;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "build") return [];
    if (statSync(full).isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path.relative(root, full).split(path.sep).join("/")] : [];
  });
}

/** Configuration every process reads; not application code, so any layer may import it. */
const ENV = "app/env.server.ts";
/** Structured logging with the request's ids: cross-cutting like the configuration, so any layer may log. */
const LOGGING = ["app/utils/logger.server.ts", "app/utils/request-context.server.ts"];
const under = (file: string, ...dirs: string[]) => dirs.some((d) => file.startsWith(d));

/** Each rule: which files it covers, and which imports it refuses for them. */
const RULES: { name: string; covers: (file: string) => boolean; refuses: (to: string) => boolean }[] = [
  {
    name: "routes reach the database and the queue only through the domain and their scope",
    covers: (f) => under(f, "app/routes/"),
    refuses: (to) => to === "db/client.ts" || to === "db/tenant.ts" || under(to, "jobs/"),
  },
  {
    name: "the domain imports no framework, route, glue or queue",
    covers: (f) => under(f, "app/domain/"),
    refuses: (to) => under(to, "jobs/", "app/routes/", "app/utils/", "app/components/", "@remix-run/") && !LOGGING.includes(to),
  },
  {
    name: "the domain reaches emails/ only through its email module",
    covers: (f) => under(f, "app/domain/") && !under(f, "app/domain/email/"),
    refuses: (to) => under(to, "emails/"),
  },
  {
    name: "db/ imports nothing from app/ or jobs/",
    covers: (f) => under(f, "db/") && !under(f, "db/seeds/"),
    refuses: (to) => (under(to, "app/", "jobs/") && to !== ENV) || under(to, "@remix-run/"),
  },
  {
    name: "emails/ imports nothing from app/ or jobs/",
    covers: (f) => under(f, "emails/"),
    refuses: (to) => (under(to, "app/", "jobs/") && to !== ENV) || under(to, "@remix-run/"),
  },
  {
    name: "jobs/ go through the domain, never the web layer",
    covers: (f) => under(f, "jobs/"),
    refuses: (to) => under(to, "app/routes/", "app/utils/", "app/components/", "@remix-run/") && !LOGGING.includes(to),
  },
  {
    name: "glue and components never import routes",
    covers: (f) => under(f, "app/utils/", "app/components/"),
    refuses: (to) => under(to, "app/routes/"),
  },
];

/**
 * Imports that break a rule today, each with its reason. Keep this short: fix one, then remove it here.
 */
const KNOWN: Record<string, string> = {
  // Sign-in is being hardened on another branch; these move with it (session start and password
  // hashing into the domain). The routes already reach sign-in through utils, not the database.
  "app/domain/links/sign-in-links.server.ts -> app/utils/session.server.ts": "sign-in: session start lives in utils",
  "app/domain/auth/staff-sign-in.server.ts -> app/utils/password.server.ts": "sign-in: password hashing lives in utils",
  "app/domain/auth/staff-sign-in.server.ts -> app/utils/session.server.ts": "sign-in: session start lives in utils",
  // Operators' passwords are hashed like staff passwords (the seed hashes through utils too).
  "app/domain/operators/operators.server.ts -> app/utils/password.server.ts": "operators: password hashing lives in utils",
  // The survey editor checks its texts for unusual characters with the form helpers' check.
  "app/domain/survey/edit-survey.ts -> app/utils/validation.ts": "the unusual-character check lives with the form helpers",
};

describe("import rules", () => {
  const edges = ownImports();

  it("finds the files it checks (a broken parser would pass everything)", () => {
    expect(edges.length).toBeGreaterThan(800);
    expect(edges).toContainEqual({ from: "jobs/run-in-org.ts", to: "db/tenant.ts" });
  });

  it("every import keeps to the layer rules, apart from the known exceptions", () => {
    const broken = edges.filter((e) => RULES.some((rule) => rule.covers(e.from) && rule.refuses(e.to))).map((e) => `${e.from} -> ${e.to}`);
    expect([...new Set(broken)].sort()).toEqual(Object.keys(KNOWN).sort());
  });

  it("no file imports one that (through others) imports it back", () => {
    const next = new Map<string, string[]>();
    for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        circles.push([...trail.slice(trail.indexOf(file)), file].join(" -> "));
        return;
      }
      state.set(file, "open");
      for (const to of next.get(file) ?? []) visit(to, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of [...next.keys()].sort()) visit(file, []);
    expect(circles).toEqual([]);
  });
});
