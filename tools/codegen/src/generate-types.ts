import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const workspaceRoot = new URL('../../../', import.meta.url);

/**
 * The TypeScript types for one OpenAPI document, exactly as committed in a provider package's
 * `src/generated/`. The header names the source so a reader knows where to make changes.
 *
 * @param specPath Absolute path of the OpenAPI document.
 * @param projectName The Nx project whose `codegen` target regenerates the file.
 */
export async function generateTypes(specPath: string, projectName: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), {
    // File parts of multipart bodies are Blobs (or Files) in fetch, not strings.
    transform(schema) {
      if (schema.format === 'binary') return ts.factory.createTypeReferenceNode('Blob');
      return undefined;
    },
  });
  const source = relative(workspaceRoot.pathname, specPath);
  const header = [
    '/**',
    ` * Generated from ${source} by @coverlink/codegen (openapi-typescript). Do not edit by hand:`,
    ` * change the spec and run \`pnpm nx run ${projectName}:codegen\`.`,
    ' */',
    '',
  ].join('\n');
  return `${header}\n${astToString(ast)}`;
}
