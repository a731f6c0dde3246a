import { defineConfig } from 'vitest/config';

/**
 * The vitest settings every package shares: workspace packages resolve to their TypeScript source
 * through the `@coverlink/source` export condition, so tests never need a build first.
 */
export const sharedVitestConfig = defineConfig({
  resolve: { conditions: ['@coverlink/source'] },
  ssr: { resolve: { conditions: ['@coverlink/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.contract.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
