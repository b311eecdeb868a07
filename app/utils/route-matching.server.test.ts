import { readConfig } from "@remix-run/dev/dist/config.js";
import { type AgnosticRouteMatch, type AgnosticRouteObject, matchRoutes } from "@remix-run/router";
import { beforeAll, describe, expect, it } from "vitest";
import { cachedMatchRoutes, routeTree } from "./route-matching.server.js";

// The app's own route tree, as the build has it.
let manifest: Parameters<typeof routeTree>[0];
beforeAll(async () => {
  manifest = (await readConfig(process.cwd())).routes as unknown as Parameters<typeof routeTree>[0];
});

/** A path for each route of the app (params filled in), plus paths no route has. */
function samplePaths() {
  const paths = new Set(["/", "/nope", "/o", "/o/oakfield/jobs/", "/me/", "//me", "/ME", "/o/oak%20field/jobs", "/pipeline/x/y/z/w"]);
  for (const route of Object.values(manifest)) {
    let full = "";
    for (let r: (typeof manifest)[string] | undefined = route; r; r = r.parentId ? manifest[r.parentId] : undefined) {
      if (r.path) full = `${r.path}/${full}`;
    }
    paths.add(`/${full.replace(/:[\w]+/g, "abc-123").replace(/\*$/, "a/b")}`.replace(/\/+$/, "") || "/");
  }
  return [...paths];
}

const describeMatches = (matches: AgnosticRouteMatch[] | null) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase }));

describe("cachedMatchRoutes", () => {
  it("matches every path of the app as React Router does, on the tree it is given, first time and remembered", () => {
    const paths = samplePaths();
    expect(paths.length).toBeGreaterThan(80);
    const first = routeTree(manifest);
    for (const path of paths) {
      const expected = describeMatches(matchRoutes(first, path));
      // A fresh tree of the same shape each time, as Remix builds one per request.
      for (let round = 0; round < 2; round++) {
        const tree = routeTree(manifest);
        const got = cachedMatchRoutes(tree, path);
        expect(describeMatches(got), `${path} (round ${round})`).toEqual(expected);
        // The routes come from the tree passed in, not from the tree first matched.
        const objects = new Set<AgnosticRouteObject>();
        const walk = (level: AgnosticRouteObject[]) => {
          for (const r of level) {
            objects.add(r);
            walk(r.children ?? []);
          }
        };
        walk(tree);
        for (const m of got ?? []) expect(objects.has(m.route)).toBe(true);
      }
    }
  });

  it("shares one params object between a path's matches, and never between two calls", () => {
    const tree = routeTree(manifest);
    const a = cachedMatchRoutes(tree, "/pipeline/abc-123");
    const b = cachedMatchRoutes(tree, "/pipeline/abc-123");
    expect(a?.at(-1)?.params).toEqual({ applicationId: "abc-123" });
    expect(new Set(b?.map((m) => m.params)).size).toBe(1);
    expect(a?.at(-1)?.params).not.toBe(b?.at(-1)?.params);
  });

  it("keeps trees of different shapes apart", () => {
    const small: AgnosticRouteObject[] = [{ id: "root", path: "", children: [{ id: "only", path: "pipeline/:x" }] }];
    cachedMatchRoutes(routeTree(manifest), "/pipeline");
    expect(describeMatches(cachedMatchRoutes(small, "/pipeline"))).toBeUndefined();
    expect(cachedMatchRoutes(small, "/pipeline/1")?.at(-1)?.route.id).toBe("only");
    expect(cachedMatchRoutes(routeTree(manifest), "/pipeline")?.at(-1)?.route.id).toBe("routes/pipeline._index");
  });

  it("honours the basename", () => {
    const tree = routeTree(manifest);
    expect(cachedMatchRoutes(tree, "/app/me", "/app")?.at(-1)?.route.id).toBe("routes/me");
    expect(cachedMatchRoutes(tree, "/me", "/app")).toBeNull();
    expect(cachedMatchRoutes(tree, { pathname: "/me" })?.at(-1)?.route.id).toBe("routes/me");
  });
});
