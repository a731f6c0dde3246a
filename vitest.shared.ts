import { defineConfig, type ViteUserConfig } from 'vitest/config';

type TestSettings = NonNullable<ViteUserConfig['test']>;

/**
 * The vitest configuration every package uses. Workspace packages resolve to their TypeScript
 * source through the `@coverlink/source` export condition, so tests never need a build first.
 *
 * @param test Settings of this package's run; `include` defaults to the unit tests next to the code.
 */
export function workspaceVitestConfig(test: TestSettings = {}): ViteUserConfig {
  return defineConfig({
    resolve: { conditions: ['@coverlink/source'] },
    ssr: { resolve: { conditions: ['@coverlink/source'] } },
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
