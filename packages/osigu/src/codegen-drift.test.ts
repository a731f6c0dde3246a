import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateTypes } from '@coverlink/codegen';
import { expect, it } from 'vitest';

it('src/generated/osigu.ts is what specs/osigu/openapi.yaml generates (run the codegen target if not)', async () => {
  const specPath = fileURLToPath(new URL('../../../specs/osigu/openapi.yaml', import.meta.url));
  const committed = await readFile(new URL('./generated/osigu.ts', import.meta.url), 'utf8');
  expect(
    committed === (await generateTypes(specPath, '@coverlink/osigu')),
    'src/generated/osigu.ts drifted from the spec: run `pnpm nx run @coverlink/osigu:codegen` and commit the result',
  ).toBe(true);
});
