// Usage: tsx tools/codegen/src/cli.ts <spec.yaml> <output.ts> <nx project>
// Writes the output only when it changed, so an unchanged spec leaves file times alone.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { generateTypes } from './generate-types.js';

const [specArgument, outputArgument, projectName] = process.argv.slice(2);
if (!specArgument || !outputArgument || !projectName) {
  console.error('usage: cli.ts <spec.yaml> <output.ts> <nx project>');
  process.exit(2);
}
const specPath = resolve(specArgument);
const outputPath = resolve(outputArgument);

const generated = await generateTypes(specPath, projectName);
const current = await readFile(outputPath, 'utf8').catch(() => undefined);
if (current === generated) {
  console.log(`${outputArgument} is up to date with ${specArgument}.`);
} else {
  await mkdir(dirname(outputPath), { recursive: true });
  await writeFile(outputPath, generated);
  console.log(`Wrote ${outputArgument} from ${specArgument}.`);
}
