// esbuild, for tests that check what a bundler makes of a package (for an edge runtime, a browser,
// Node): the same bundler the workspace's other bundling tools use.
export { build as bundleWithEsbuild } from 'esbuild';
