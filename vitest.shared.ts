import { defineConfig, type ViteUserConfig } from 'vitest/config';

type TestSettings = NonNullable<ViteUserConfig['test']>;

/**
 * Extra resolve conditions for a whole run, comma-separated in `COVERLINK_TEST_CONDITIONS`:
 * `coverlink-global-fetch` makes core's `#default-transport` the global-fetch one on Node, so the
 * same tests run on both transports without a switch inside the library (see
 * tools/reliability/src/runtimes.ts).
 */
const extraConditions = (process.env.COVERLINK_TEST_CONDITIONS ?? '')
  .split(',')
  .map((condition) => condition.trim())
  .filter((condition) => condition !== '');
const conditions = ['@coverlink/source', ...extraConditions];

/**
 * The vitest configuration every package uses. Workspace packages resolve to their TypeScript
 * source through the `@coverlink/source` export condition, so tests never need a build first.
 *
 * @param test Settings of this package's run; `include` defaults to the unit tests next to the code.
 */
export function workspaceVitestConfig(test: TestSettings = {}): ViteUserConfig {
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      include: ['src/**/*.test.ts'],
      // Type tests (*.test-d.ts) run through tsc with the package's own tsconfig.
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
      testTimeout: 20_000,
      hookTimeout: 60_000,
      ...test,
    },
  });
}
