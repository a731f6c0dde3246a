import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { generateRedaction } from './generate-redaction.js';
import { generateTypes } from './generate-types.js';
import { providerLayout } from './provider-layout.js';

const workspaceRoot = new URL('../../../', import.meta.url);

/**
 * Why a provider's committed `src/generated/` modules (`<provider>.ts`, the types, and
 * `<provider>-redaction.ts`, the sensitive fields and error shape) differ from what its spec
 * generates, or `undefined` when they agree. Each provider package runs this in its tests, so a
 * spec edited without regenerating fails the build.
 */
export async function generatedTypesDrift(provider: string): Promise<string | undefined> {
  const { specPath, generatedPath, redactionPath, projectName } = providerLayout(provider);
  const drifted: string[] = [];
  for (const [path, generate] of [
    [generatedPath, generateTypes],
    [redactionPath, generateRedaction],
  ] as const) {
    const committed = await readFile(path, 'utf8').catch(() => undefined);
    if (committed !== (await generate(specPath, projectName))) drifted.push(relative(workspaceRoot.pathname, path));
  }
  if (drifted.length === 0) return undefined;
  return `${drifted.join(' and ')} ${drifted.length === 1 ? 'does' : 'do'} not match specs/${provider}/openapi.yaml: run \`pnpm nx run ${projectName}:codegen\` and commit the result.`;
}
