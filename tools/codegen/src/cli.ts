// Usage: tsx tools/codegen/src/cli.ts <provider>
// Regenerates packages/<provider>/src/generated/<provider>.ts from specs/<provider>/openapi.yaml,
// writing only when it changed so an unchanged spec leaves file times alone.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateTypes } from './generate-types.js';
import { providerLayout } from './provider-layout.js';

const [provider] = process.argv.slice(2);
if (!provider) {
  console.error('usage: cli.ts <provider>');
  process.exit(2);
}
const { specPath, generatedPath, projectName } = providerLayout(provider);
const generated = await generateTypes(specPath, projectName);
const current = await readFile(generatedPath, 'utf8').catch(() => undefined);
if (current === generated) {
  console.log(`${generatedPath} is up to date with ${specPath}.`);
} else {
  await mkdir(dirname(generatedPath), { recursive: true });
  await writeFile(generatedPath, generated);
  console.log(`Wrote ${generatedPath} from ${specPath}.`);
}
