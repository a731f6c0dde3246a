import { fileURLToPath } from 'node:url';

const workspaceRoot = new URL('../../../', import.meta.url);

/** Where a provider's spec, generated modules and Nx project are: the same layout for every provider. */
export function providerLayout(provider: string): {
  specPath: string;
  generatedPath: string;
  redactionPath: string;
  projectName: string;
} {
  return {
    specPath: fileURLToPath(new URL(`specs/${provider}/openapi.yaml`, workspaceRoot)),
    generatedPath: fileURLToPath(new URL(`packages/${provider}/src/generated/${provider}.ts`, workspaceRoot)),
    redactionPath: fileURLToPath(new URL(`packages/${provider}/src/generated/${provider}-redaction.ts`, workspaceRoot)),
    projectName: `@coverlink/${provider}`,
  };
}
