/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  // Our own `#app/*`, `#db/*`… subpath imports look like packages to the compiler, which would leave
  // them as imports of .ts files in build/index.js, loadable only through tsx: bundle them.
  serverDependenciesToBundle: [/^#/],
  // Server-only folders are bundled into the server build; the `.server` suffix keeps them out of the browser.
  future: {
    v3_fetcherPersist: true,
    v3_lazyRouteDiscovery: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
  },
  watchPaths: ["./db", "./jobs", "./emails"],
};
