import { readFile } from 'node:fs/promises';
import { generateTypes } from './generate-types.js';
import { providerLayout } from './provider-layout.js';

/**
 * Why a provider's committed `src/generated/<provider>.ts` differs from what its spec generates, or
 * `undefined` when they agree. Each provider package runs this in its tests, so a spec edited
 * without regenerating fails the build.
 */
export async function generatedTypesDrift(provider: string): Promise<string | undefined> {
  const { specPath, generatedPath, projectName } = providerLayout(provider);
  const committed = await readFile(generatedPath, 'utf8').catch(() => undefined);
  if (committed === (await generateTypes(specPath, projectName))) return undefined;
  return `${generatedPath} does not match specs/${provider}/openapi.yaml: run \`pnpm nx run ${projectName}:codegen\` and commit the result.`;
}
