import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type TsdownPlugin, type UserConfig } from 'tsdown';

/**
 * In a `"type": "module"` package, Rolldown's CommonJS output wraps every external dependency with
 * Node's ESM interop (`__toESM(require('x'), 1)`: the default import is the whole `module.exports`),
 * which is wrong for a `require` of a dependency that ships its own CommonJS build with
 * `__esModule` (openapi-fetch: `createClient` became the module object, not the function). The
 * CommonJS bundle runs under `require`, so it takes the interop `require` consumers use: honour
 * `__esModule`. Rolldown issue 10800, tsdown issue 1054; drop this once the pinned tsdown has the fix.
 * The registry consumer test fails without it (every CommonJS app).
 */
const commonJsInterop: TsdownPlugin = {
  name: 'coverlink:commonjs-interop',
  renderChunk(code, _chunk, options) {
    if (options.format !== 'cjs') return null;
    return code.replace(/__toESM\(([\w$]+), 1\)/g, '__toESM($1)');
  },
};

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
  const { exports: exportsOverride, ...rest } = overrides;
  const provider = providerName();
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
    plugins: [commonJsInterop],
    deps: { neverBundle: [/^@coverlink\//, /^tsx(\/|$)/] },
    exports:
      exportsOverride === false
        ? false
        : withProviderExports(provider, { devExports: '@coverlink/source', legacy: true, ...exportsOverride }),
    ...providerSpecCopy(provider),
    ...rest,
  });
}

type ExportsOptions = Exclude<NonNullable<UserConfig['exports']>, boolean>;

/** The provider a package declares in its `coverlink.provider.json` (the build runs in the package folder), if any. */
function providerName(): string | undefined {
  if (!existsSync('coverlink.provider.json')) return undefined;
  return (JSON.parse(readFileSync('coverlink.provider.json', 'utf8')) as { name: string }).name;
}

/**
 * A provider package ships its spec as `dist/openapi.yaml`: the hand-written `specs/<name>/openapi.yaml`
 * is the source of truth, and integrators need the same file to start Prism or check their pacts
 * from their own repo, where `specs/` does not exist.
 */
function providerSpecCopy(provider: string | undefined): Pick<UserConfig, 'copy'> {
  return provider === undefined ? {} : { copy: [{ from: `../../specs/${provider}/openapi.yaml`, to: 'dist' }] };
}

/**
 * A provider package exports its `coverlink.provider.json` (the CLI and the mocks read a provider's
 * mock port and hosts from it) and its spec, next to what tsdown writes. The spec has no
 * `@coverlink/source` entry: inside the workspace `specs/<name>/openapi.yaml` is read directly.
 */
function withProviderExports(provider: string | undefined, options: ExportsOptions): ExportsOptions {
  if (provider === undefined) return options;
  const { customExports } = options;
  return {
    ...options,
    customExports: async (exports, context) => ({
      ...(typeof customExports === 'function' ? await customExports(exports, context) : { ...exports, ...customExports }),
      './coverlink.provider.json': './coverlink.provider.json',
      './openapi.yaml': './dist/openapi.yaml',
    }),
  };
}
