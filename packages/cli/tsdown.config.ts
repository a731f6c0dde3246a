import { packageBuildConfig } from '../../tsdown.shared.js';

export default [
  // The library (createProgram, run) for embedding the command, in both module systems. Shims give
  // the CommonJS build the import.meta.url that version.ts reads package.json through.
  packageBuildConfig({ index: 'src/index.ts' }, { shims: true }),
  // The program bin/coverlink.js loads through the `#cli` import: ESM only, as the bin is, since it
  // awaits at top level. Next to index.* in dist/, so version.ts finds ../package.json from either.
  packageBuildConfig({ cli: 'src/cli.ts' }, { format: ['esm'], dts: false, exports: false }),
];
