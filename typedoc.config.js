// TypeDoc configuration: core, auth and every provider package with a coverlink.provider.json (the
// provider list is read, not kept here). `node_modules/.bin/typedoc` (or `nx run coverlink:docs`) picks it up.
import { readdirSync } from 'node:fs';

const providers = readdirSync('packages', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(`packages/${entry.name}`).includes('coverlink.provider.json'))
  .map((entry) => `packages/${entry.name}/src/index.ts`)
  .sort();

/** @type {Partial<import('typedoc').TypeDocOptions>} */
const config = {
  $schema: 'https://typedoc.org/schema.json',
  name: 'Coverlink API reference',
  entryPointStrategy: 'resolve',
  entryPoints: ['packages/core/src/index.ts', 'packages/auth/src/index.ts', 'packages/auth/src/redis/index.ts'],
  tsconfig: 'docs/tsconfig.typedoc.json',
  out: 'docs/api',
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  excludeExternals: true,
  blockTags: [
    '@defaultValue',
    '@deprecated',
    '@example',
    '@jsx',
    '@param',
    '@privateRemarks',
    '@remarks',
    '@returns',
    '@see',
    '@throws',
    '@typeParam',
    '@author',
    '@callback',
    '@category',
    '@categoryDescription',
    '@default',
    '@document',
    '@extends',
    '@augments',
    '@yields',
    '@group',
    '@groupDescription',
    '@import',
    '@inheritDoc',
    '@license',
    '@module',
    '@mergeModuleWith',
    '@prop',
    '@property',
    '@return',
    '@satisfies',
    '@since',
    '@sortStrategy',
    '@template',
    '@this',
    '@type',
    '@typedef',
    '@summary',
    '@preventInline',
    '@inlineType',
    '@preventExpand',
    '@expandType',
    '@description',
    '@constant',
  ],
  treatWarningsAsErrors: true,
  validation: {
    notExported: true,
    invalidLink: true,
    notDocumented: false,
  },
  disableSources: true,
};
config.entryPoints.push(...providers);

export default config;
