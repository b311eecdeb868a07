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

  it("a caller changing the params it was given does not change the next answer", () => {
    const tree = routeTree(manifest);
    const first = cachedMatchRoutes(tree, "/teams/abc-123");
    const params = first?.at(-1)?.params as Record<string, string>;
    params.teamId = "changed";
    expect(cachedMatchRoutes(routeTree(manifest), "/teams/abc-123")?.at(-1)?.params).toEqual({ teamId: "abc-123" });
  });

  it('tells apart trees that differ only in a path of "" and no path, or where a separator would run ids into paths', () => {
    const withoutPath: AgnosticRouteObject[] = [
      { id: "root", path: "", children: [{ id: "layout", children: [{ id: "i", index: true }] }] },
    ];
    const withPath: AgnosticRouteObject[] = [
      { id: "root", path: "", children: [{ id: "layout", path: "", children: [{ id: "i", index: true }] }] },
    ];
    for (const tree of [withoutPath, withPath, withoutPath, withPath])
      expect(describeMatches(cachedMatchRoutes(tree, "/")), JSON.stringify(tree)).toEqual(describeMatches(matchRoutes(tree, "/")));
    const a: AgnosticRouteObject[] = [{ id: "p|q", path: "r" }];
    const b: AgnosticRouteObject[] = [{ id: "p", path: "q|r" }];
    expect(cachedMatchRoutes(a, "/r")?.[0].route.id).toBe("p|q");
    expect(cachedMatchRoutes(b, "/r")).toBeNull();
  });

  it("gives React Router's answer for case-sensitive, optional and splat routes, encoded paths, and locations with a query or hash", () => {
    const tree = () => [
      {
        id: "root",
        path: "",
        children: [
          { id: "exact", path: "Exact", caseSensitive: true },
          { id: "optional", path: "lang/:lang?/about" },
          { id: "files", path: "files/*" },
          { id: "person", path: "people/:name" },
        ],
      },
    ];
    const locations = [
      "/Exact",
      "/exact",
      "/lang/about",
      "/lang/cy/about",
      "/files/a%2Fb/c",
      "/files/%C3%A9t%C3%A9",
      "/people/Zo%C3%AB%20Smith",
      "/people/ann?tab=notes#top",
      { pathname: "/people/ann", search: "?x=1", hash: "#h" },
    ];
    for (let round = 0; round < 2; round++)
      for (const location of locations)
        expect(describeMatches(cachedMatchRoutes(tree(), location)), JSON.stringify(location)).toStrictEqual(
          describeMatches(matchRoutes(tree(), location)),
        );
  });

  it("stays right past the number of paths it remembers, and for paths too long to remember", () => {
    const tree = () => [{ id: "root", path: "", children: [{ id: "item", path: "items/:id" }] }];
    for (let i = 0; i < 2100; i++) expect(cachedMatchRoutes(tree(), `/items/${i}`)?.at(-1)?.params).toEqual({ id: String(i) });
    for (const i of [0, 1999, 2000, 2099]) expect(cachedMatchRoutes(tree(), `/items/${i}`)?.at(-1)?.params).toEqual({ id: String(i) });
    const long = "x".repeat(5000);
    expect(cachedMatchRoutes(tree(), `/items/${long}`)?.at(-1)?.params).toEqual({ id: long });
    expect(cachedMatchRoutes(tree(), `/items/${long}`)?.at(-1)?.params).toEqual({ id: long });
  });
});
