// size-limit budgets for the provider packages (`nx run @coverlink/bench:size`), about 20 % above the
// gzip sizes measured by the benchmark (RESULTS.md; raised with the request pipeline, spec-driven
// redaction and the safe error family of 2026-12). A JS config rather than .size-limit.json because
// esbuild must resolve workspace packages through the `@coverlink/source` condition (no build needed).
/** @param {string} platform */
const withSource = (platform) => (config) => ({ ...config, platform, format: 'esm', conditions: ['@coverlink/source'] });
// On Node the default transport is undici, which a server installs as a dependency (it is also what
// Node's own fetch is built on) rather than bundles: it stays out of the server bundle's budget.
const serverBundle = (config) => ({ ...withSource('node')(config), external: [...(config.external ?? []), 'undici'] });

export default [
  {
    name: '@coverlink/osigu (browser)',
    path: 'src/size-entries/osigu.ts',
    gzip: true,
    limit: '25 kB',
    modifyEsbuildConfig: withSource('browser'),
  },
  {
    name: '@coverlink/helloclaims (browser)',
    path: 'src/size-entries/helloclaims.ts',
    gzip: true,
    limit: '26.5 kB',
    modifyEsbuildConfig: withSource('browser'),
  },
  {
    // Server-only by design: its `browser` export deliberately fails a browser build (it holds the client secret).
    name: '@coverlink/oneassure (node)',
    path: 'src/size-entries/oneassure.ts',
    gzip: true,
    limit: '26 kB',
    modifyEsbuildConfig: serverBundle,
  },
];
