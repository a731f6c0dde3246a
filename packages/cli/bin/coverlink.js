#!/usr/bin/env node
// The `coverlink` launcher. `#cli` is this package's own import map entry (package.json "imports"):
// under the `@coverlink/source` condition (`node --conditions=@coverlink/source bin/coverlink.js`,
// how the workspace runs without a build) it resolves to src/cli.ts, which tsx compiles on the fly;
// otherwise to the built dist/cli.js, with no tsx involved. Node picks the file, so the launcher never
// guesses from the file system whether a build exists or is stale.
const target = import.meta.resolve('#cli');
if (target.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(target);
