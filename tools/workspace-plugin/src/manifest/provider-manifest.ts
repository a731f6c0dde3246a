import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';

/** The file that declares a provider, at the root of its package. */
export const providerManifestFileName = 'coverlink.provider.json';

/** Where provider packages live, relative to the workspace root. */
export const providerPackagesFolder = 'packages';

/** How a provider's client gets its tokens. */
export type ProviderAuthPattern = 'client-credentials' | 'authorization-code' | 'custom-token-endpoint';

/** How each auth pattern is named in docs and package descriptions. */
export const authPatternLabels: Readonly<Record<ProviderAuthPattern, string>> = {
  'client-credentials': 'client credentials',
  'authorization-code': 'authorization code, rotating refresh tokens',
  'custom-token-endpoint': 'its own token endpoint',
};

/** A provider's real environment: the hosts it documents. */
export interface ProviderEnvironment {
  baseUrl?: string;
  tokenUrl?: string;
  authorizationUrl?: string;
  journeyUrl?: string;
}

/** What `coverlink.provider.json` declares; described field by field in provider-manifest.schema.json. */
export interface ProviderManifest {
  name: string;
  displayName: string;
  summary: string;
  auth: ProviderAuthPattern;
  mock: {
    kind: 'prism' | 'authorization-server+prism';
    port: number;
    authorizationServer?: { project: string; port: number };
    simulator?: { project: string; port: number };
  };
  environments: Record<string, ProviderEnvironment>;
  bundle: { platform: 'browser' | 'node'; limit: string };
}

/** A manifest with where it was read from. */
export interface ProviderDeclaration extends ProviderManifest {
  /** The package folder, relative to the workspace root with `/`: `packages/osigu`. */
  root: string;
}

const schemaPath = new URL('../../provider-manifest.schema.json', import.meta.url);
let validate: ReturnType<Ajv['compile']> | undefined;

/**
 * Reads and validates the manifest at `path` (absolute); `workspaceRoot` only shortens the file
 * name in messages.
 *
 * @throws {Error} Naming the file and the field, when the file is missing, is not JSON, breaks the
 *   schema, or names another folder than its own.
 */
export function readProviderManifest(path: string, workspaceRoot = dirname(dirname(dirname(path)))): ProviderManifest {
  const file = relative(workspaceRoot, path).split('\\').join('/');
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  validate ??= new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  if (!validate(value)) {
    const problems = (validate.errors ?? []).filter((error) => error.keyword !== 'if').map(describe);
    throw new Error(`${file} does not match tools/workspace-plugin/provider-manifest.schema.json:\n${problems.join('\n')}`);
  }
  const manifest = value as ProviderManifest;
  const folder = basename(dirname(path));
  if (manifest.name !== folder) {
    throw new Error(`${file}: name is "${manifest.name}", but a provider's name is its package folder's: "${folder}".`);
  }
  return manifest;
}

/** The package folders (`packages/<name>`, sorted) that hold a provider manifest, valid or not. */
export function listProviderRoots(workspaceRoot: string): string[] {
  let folders: string[];
  try {
    folders = readdirSync(join(workspaceRoot, providerPackagesFolder)).sort();
  } catch {
    return [];
  }
  return folders
    .filter((folder) => existsSync(join(workspaceRoot, providerPackagesFolder, folder, providerManifestFileName)))
    .map((folder) => `${providerPackagesFolder}/${folder}`);
}

/**
 * Every provider the workspace declares, validated, in the order of their mock ports (the order
 * `coverlink mocks start` uses).
 *
 * @throws {Error} As {@link readProviderManifest}, for the first manifest that is not valid.
 */
export function listProviderDeclarations(workspaceRoot: string): ProviderDeclaration[] {
  return listProviderRoots(workspaceRoot)
    .map((root) => ({ ...readProviderManifest(join(workspaceRoot, root, providerManifestFileName), workspaceRoot), root }))
    .sort((left, right) => left.mock.port - right.mock.port);
}

function describe(error: ErrorObject): string {
  const field = error.instancePath === '' ? '(the top level)' : error.instancePath.slice(1).split('/').join('.');
  const detail =
    error.keyword === 'additionalProperties'
      ? `has an unknown field "${String(error.params.additionalProperty)}"`
      : error.keyword === 'enum'
        ? `must be one of ${(error.params.allowedValues as unknown[]).map((allowed) => JSON.stringify(allowed)).join(', ')}`
        : (error.message ?? 'is invalid');
  return `  - ${field} ${detail}`;
}
