// B-remix: a bare Remix route built the same way as the app (classic compiler, the same future
// flags, the app's own entry.server), with no session and no database. Built by `npm run bench`
// into .cache/bench/bare-remix (ignored by git).
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  appDirectory: 'app',
  cacheDirectory: '../../../.cache/bench/bare-remix/cache',
  serverBuildPath: '../../../.cache/bench/bare-remix/build/index.js',
  assetsBuildDirectory: '../../../.cache/bench/bare-remix/public/build',
  publicPath: '/build/',
  serverModuleFormat: 'esm',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
