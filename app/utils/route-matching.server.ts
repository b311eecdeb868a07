import { createRequire } from "node:module";
import type { AgnosticRouteMatch, AgnosticRouteObject, Location } from "@remix-run/router";
import type { ServerBuild } from "@remix-run/node";

/**
 * Route matching, remembered per path.
 *
 * React Router's `matchRoutes` flattens and ranks the whole route tree (compiling a regular
 * expression per route) on every call, and Remix calls it four or five times per document request
 * (the server's match, the partial manifest, the render), often on a route tree it has just
 * rebuilt for that request. With about 90 routes that was a fifth of a signed-in page's CPU.
 *
 * `cachedMatchRoutes` gives the same answer, remembered per route tree shape and path: the first
 * call for a path runs the real `matchRoutes` and keeps where each matched route sits in the tree
 * (its index at each level); later calls, on that tree or on a rebuilt copy of the same shape, pick
 * the routes out of the tree they were given at those positions. `installRouteMatchCache` puts it
 * in place of `@remix-run/router`'s export, which Remix's server runtime, its partial manifest and
 * React Router all read at call time. (The static handler's own call inside the router stays as
 * it is.)
 *
 * It assumes a route tree is never changed in place once matched against (a changed copy is fine:
 * it is read again). On the server nothing changes one: lazy route discovery patches routes only
 * in the browser, where this module is never loaded.
 */

type Routes = AgnosticRouteObject[];
type Shape = { at: number[][]; params: Record<string, string | undefined>; pathname: string[]; pathnameBase: string[] } | null;

type RouterModule = {
  matchRoutes: (routes: Routes, location: Partial<Location> | string, basename?: string) => AgnosticRouteMatch[] | null;
  parsePath: (path: string) => Partial<Location>;
};

const router = createRequire(import.meta.url)("@remix-run/router") as RouterModule;
const realMatchRoutes = router.matchRoutes;

/** Paths remembered per tree shape; past this the memory is cleared (ids in paths make many). */
const MAX_PATHS = 2000;
/** Longer paths are matched but not remembered: 2,000 of them could hold a lot of memory. */
const MAX_REMEMBERED_PATH = 300;

type Tree = { paths: Map<string, Shape>; positions: Map<AgnosticRouteObject, number[]> };
const treesByShape = new Map<string, Map<string, Shape>>();
const treeOf = new WeakMap<Routes, Tree>();

/** One walk of the tree: its shape (ids, paths, index flags, nesting) and each route's position. */
function readTree(routes: Routes): Tree {
  const known = treeOf.get(routes);
  if (known) return known;
  const positions = new Map<AgnosticRouteObject, number[]>();
  let shape = "";
  const walk = (level: Routes, at: number[]) => {
    shape += "[";
    level.forEach((route, i) => {
      const here = [...at, i];
      positions.set(route, here);
      // JSON, so no id or path can run into the next field, and a missing path differs from "".
      shape += `${JSON.stringify([route.id, route.path ?? null, route.index === true, route.caseSensitive === true])},`;
      if (route.children?.length) walk(route.children, here);
    });
    shape += "]";
  };
  walk(routes, []);
  let paths = treesByShape.get(shape);
  if (!paths) {
    paths = new Map();
    treesByShape.set(shape, paths);
  }
  const tree = { paths, positions };
  treeOf.set(routes, tree);
  return tree;
}

export function cachedMatchRoutes(routes: Routes, location: Partial<Location> | string, basename = "/"): AgnosticRouteMatch[] | null {
  const pathname = (typeof location === "string" ? router.parsePath(location) : location).pathname ?? "/";
  if (pathname.length > MAX_REMEMBERED_PATH) return realMatchRoutes(routes, location, basename);
  const key = `${basename}\0${pathname}`;
  const tree = readTree(routes);
  let shape = tree.paths.get(key);
  if (shape === undefined) {
    const matches = realMatchRoutes(routes, location, basename);
    shape = matches && {
      at: matches.map((m) => tree.positions.get(m.route) ?? []),
      params: { ...matches.at(-1)?.params },
      pathname: matches.map((m) => m.pathname),
      pathnameBase: matches.map((m) => m.pathnameBase),
    };
    if (tree.paths.size >= MAX_PATHS) tree.paths.clear();
    tree.paths.set(key, shape);
    return matches;
  }
  if (!shape) return null;
  // As React Router does: every match shares one params object.
  const params = { ...shape.params };
  const { at, pathname: pathnames, pathnameBase } = shape;
  return at.map((position, i) => ({ params, pathname: pathnames[i], pathnameBase: pathnameBase[i], route: routeAt(routes, position) }));
}

function routeAt(routes: Routes, position: number[]) {
  let level = routes;
  let route = routes[position[0]];
  for (const i of position) {
    route = level[i];
    level = route.children ?? [];
  }
  return route;
}

/** Puts `cachedMatchRoutes` in place of `@remix-run/router`'s `matchRoutes` for this process. */
export function installRouteMatchCache() {
  router.matchRoutes = cachedMatchRoutes;
}

/** Remix's route tree from a build's (or the config's) route manifest, for matching as Remix does. */
export function routeTree(manifest: ServerBuild["routes"], parentId?: string): Routes {
  return Object.values(manifest)
    .filter((route) => route.parentId === parentId)
    .map((route) =>
      route.index
        ? { id: route.id, index: true, path: route.path, caseSensitive: route.caseSensitive }
        : { id: route.id, path: route.path, caseSensitive: route.caseSensitive, children: routeTree(manifest, route.id) },
    );
}
