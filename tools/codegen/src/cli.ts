// Usage: tsx tools/codegen/src/cli.ts <provider>
// Regenerates packages/<provider>/src/generated/<provider>.ts (types) and <provider>-redaction.ts
// (sensitive fields, error shape) from specs/<provider>/openapi.yaml, writing a file only when it
// changed so an unchanged spec leaves file times alone.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateRedaction } from './generate-redaction.js';
import { generateTypes } from './generate-types.js';
import { providerLayout } from './provider-layout.js';

const [provider] = process.argv.slice(2);
if (!provider) {
  console.error('usage: cli.ts <provider>');
  process.exit(2);
}
const { specPath, generatedPath, redactionPath, projectName } = providerLayout(provider);
for (const [path, generated] of [
  [generatedPath, await generateTypes(specPath, projectName)],
  [redactionPath, await generateRedaction(specPath, projectName)],
] as const) {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === generated) {
    console.log(`${path} is up to date with ${specPath}.`);
  } else {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, generated);
    console.log(`Wrote ${path} from ${specPath}.`);
  }
}
