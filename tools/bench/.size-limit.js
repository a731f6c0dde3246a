// size-limit budgets for the provider packages (`nx run @coverlink/bench:size`): one entry per
// provider with a coverlink.provider.json, its public surface bundled for the manifest's
// `bundle.platform` against its `bundle.limit` (about 20 % above the gzip sizes the benchmark
// measured, RESULTS.md). A JS config rather than .size-limit.json because the list is read from the
// manifests, and esbuild must resolve workspace packages through the `@coverlink/source` condition
// (no build needed).
import { readdirSync, readFileSync } from 'node:fs';

/** @param {string} platform */
const withSource = (platform) => (config) => ({ ...config, platform, format: 'esm', conditions: ['@coverlink/source'] });
// On Node the default transport is undici, which a server installs as a dependency (it is also what
// Node's own fetch is built on) rather than bundles: it stays out of the server bundle's budget.
const serverBundle = (config) => ({ ...withSource('node')(config), external: [...(config.external ?? []), 'undici'] });

const packages = new URL('../../packages/', import.meta.url);

export default readdirSync(packages)
  .filter((folder) => readdirSync(new URL(folder, packages)).includes('coverlink.provider.json'))
  .map((folder) => JSON.parse(readFileSync(new URL(`${folder}/coverlink.provider.json`, packages), 'utf8')))
  .map(({ name, bundle }) => ({
    name: `@coverlink/${name} (${bundle.platform})`,
    path: `../../packages/${name}/src/index.ts`,
    gzip: true,
    limit: bundle.limit,
    // A server-only package (OneAssure: it holds the client secret) is measured as a server bundle,
    // since its `browser` export deliberately fails a browser build.
    modifyEsbuildConfig: bundle.platform === 'browser' ? withSource('browser') : serverBundle,
  }));
