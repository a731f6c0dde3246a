import nxEslintPlugin from '@nx/eslint-plugin';
import typescriptParser from '@typescript-eslint/parser';
import sharedBuild from './tsconfig.build.shared.json' with { type: 'json' };

// Biome lints and formats everything; ESLint is here for the one rule Biome cannot have: Nx module
// boundaries, which needs the project graph and the projects' tags.

// Files that never ship: a library's tests may start the mock servers and use the test tools. The
// one list is what every package build excludes; the Nx plugin makes the `production` input of it.
const testOnlyFiles = sharedBuild.exclude;

const providerConstraint = {
  // A provider client stands alone on the shared runtime, so an integration installs only the providers it uses.
  sourceTag: 'type:provider',
  notDependOnLibsWithTags: ['type:provider', 'type:app'],
};

function moduleBoundaries(libraryMayDependOn) {
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      // Package-internal subpath imports (package.json `imports`, e.g. core's `#default-transport`,
      // chosen per runtime by condition) are a package's own files, not another project.
      allow: ['^#'],
      depConstraints: [providerConstraint, { sourceTag: 'type:library', onlyDependOnLibsWithTags: libraryMayDependOn }],
    },
  ];
}

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/out-tsc',
      '**/src/generated',
      'docs/api',
      '.nx',
      // Every package's vitest and tsdown configs import the root's shared ones by a relative path, which
      // the rule reports as a cross-project import; a config file is tooling, not part of what a package depends on.
      '**/vitest.config.ts',
      '**/vitest.*.config.ts',
      '**/tsdown.config.ts',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: typescriptParser },
    plugins: { '@nx': nxEslintPlugin },
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(['type:library']) },
  },
  {
    files: testOnlyFiles,
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(['type:library', 'type:mock', 'type:tool']) },
  },
];
