import { defineConfig, type UserConfig } from 'tsdown';

/**
 * The build every published package uses: one ESM (`.mjs` + `.d.mts`) and one CommonJS (`.cjs` +
 * `.d.cts`) bundle per entry point, so `import` and `require` both get a file and types of their own
 * module kind. tsdown (on Rolldown) bundles each package's own modules and keeps its dependencies
 * external, then writes the `exports`, `main`, `module` and `types` fields of package.json from what
 * it built, with the `@coverlink/source` condition in front so the workspace keeps resolving to source.
 * No source maps: the TypeScript sources are not shipped, and a map pointing at them would mislead.
 *
 * @param entry The package's entry points, e.g. `{ index: 'src/index.ts', 'redis/index': 'src/redis/index.ts' }`.
 * @param overrides Anything a package builds differently (a CLI's shims, extra exports).
 */
export function packageBuildConfig(entry: Record<string, string>, overrides: UserConfig = {}): UserConfig {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    platform: 'node',
    fixedExtension: true,
    tsconfig: 'tsconfig.build.json',
    dts: { sourcemap: false },
    sourcemap: false,
    clean: true,
    hash: false,
    checks: { legacyCjs: false },
    // Dependencies stay external (tsdown's default for dependencies and peerDependencies); the
    // workspace-only mocks and tsx, which the CLI loads on demand inside the workspace, too.
    deps: { neverBundle: [/^@coverlink\//, /^tsx(\/|$)/] },
    exports: { devExports: '@coverlink/source', legacy: true },
    ...overrides,
  });
}
