import { packageBuildConfig } from '../../tsdown.shared.js';

// The browser condition comes first so a browser bundle of this server-only package stops at
// src/server-only.browser.js, whose import names why, before it reaches a module holding secrets.
export default packageBuildConfig(
  { index: 'src/index.ts' },
  {
    exports: {
      devExports: '@coverlink/source',
      legacy: true,
      customExports: (exports: Record<string, unknown>) => ({
        ...exports,
        '.': {
          // Types too, for a bundler-resolution TypeScript project that sets the browser condition.
          browser: { types: './dist/index.d.mts', default: './src/server-only.browser.js' },
          ...(exports['.'] as Record<string, unknown>),
        },
      }),
    },
  },
);
