/**
 * A bare Remix app for `npm run bench:pages`: the careers page's shape (the same layout, six
 * vacancies) with a loader that reads no database. Built with `remix build bench/bare`, into
 * bench/bare/build and bench/bare/public/build; served by bench/bare/server.js.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_lazyRouteDiscovery: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
  },
};
