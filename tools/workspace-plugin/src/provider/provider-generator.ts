import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type GeneratorCallback, generateFiles, readJson, type Tree } from '@nx/devkit';
import {
  authPatternLabels,
  type ProviderAuthPattern,
  type ProviderManifest,
  providerManifestFileName,
  providerPackagesFolder,
} from '../manifest/provider-manifest.js';
import { providerNames } from './provider-names.js';

/** Options of `nx g @coverlink/workspace-plugin:provider`, as in schema.json. */
export interface ProviderGeneratorSchema {
  /** Lowercase letters and digits: `acme` → `packages/acme`, `@coverlink/acme`. */
  name: string;
  /** How people write the provider's name; default the name, capitalised. */
  displayName?: string;
  /** How the client gets its tokens; default `client-credentials`. */
  auth?: ProviderAuthPattern;
  /** The mock's documented port; default the next one after the highest a provider manifest declares. */
  port?: number;
}

/** What the spec's description says of each pattern's token endpoint. */
const authSummaries: Record<ProviderAuthPattern, string> = {
  'client-credentials': 'an OAuth2 client-credentials token endpoint with HTTP Basic client authentication',
  'authorization-code': 'the OAuth2 authorization code flow with PKCE and rotating refresh tokens, HTTP Basic client authentication',
  'custom-token-endpoint': "the provider's own JSON token endpoint (not OAuth), spoken by a small token adapter",
};

/**
 * Adds a provider: `specs/<name>/openapi.yaml` with the shared token, security and error patterns,
 * and `packages/<name>` with the anatomy of the other provider packages and its
 * `coverlink.provider.json`, for one of three auth patterns. Nothing else is edited: the Nx targets,
 * the mock, the CLI's mocks, the demo journey, the API reference, the size budget and the spec lint
 * all follow from the manifest. The task it returns installs the workspace links, generates the
 * types from the spec, rewrites the docs' provider table from the manifests and formats what was
 * written, so the new package's targets pass untouched.
 */
export default async function providerGenerator(tree: Tree, schema: ProviderGeneratorSchema): Promise<GeneratorCallback> {
  const names = providerNames(schema.name, schema.displayName);
  const root = `${providerPackagesFolder}/${names.name}`;
  if (tree.exists(root) || tree.exists(`specs/${names.name}`)) {
    throw new Error(`A provider named ${names.name} exists already (${root} or specs/${names.name}); pick another name.`);
  }
  const taken = declaredPorts(tree);
  const port = schema.port ?? Math.max(4009, ...taken.keys()) + 1;
  const owner = taken.get(port);
  if (owner !== undefined) throw new Error(`Port ${port} is the documented mock port of ${owner}; pass another --port.`);
  const auth = schema.auth ?? 'client-credentials';

  const substitutions = {
    ...names,
    port,
    auth,
    authLabel: authPatternLabels[auth],
    authSummary: authSummaries[auth],
    // What an API call is made on: the client itself, or the client acting as a connected user.
    apiClientType: auth === 'authorization-code' ? `${names.className}UserClient` : `${names.className}Client`,
    tokenPath: auth === 'custom-token-endpoint' ? '/v1/auth/token' : '/v1/oauth/token',
    template: '',
  };
  generateFiles(tree, fileURLToPath(new URL('./files', import.meta.url)), '.', substitutions);
  generateFiles(tree, fileURLToPath(new URL(`./files-${auth}`, import.meta.url)), '.', substitutions);

  // The workspace's own pnpm, as the README runs it: corepack is not assumed to work.
  const { packageManager } = readJson<{ packageManager: string }>(tree, 'package.json');
  return () => {
    const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: tree.root, stdio: 'inherit' });
    run('npx', ['--yes', packageManager, 'install', '--no-frozen-lockfile', '--prefer-offline']);
    run(`${tree.root}/node_modules/.bin/nx`, ['run', `@coverlink/${names.name}:codegen`]);
    run(`${tree.root}/node_modules/.bin/nx`, ['run', '@coverlink/docs-check:sync']);
    // The templates are formatted for short names; a long one can push a line past the width.
    run(`${tree.root}/node_modules/.bin/biome`, ['check', '--write', root, `specs/${names.name}`]);
  };
}

/** Every documented mock port (Prism's, an authorization server's, a simulator's), with the provider declaring it. */
function declaredPorts(tree: Tree): Map<number, string> {
  const ports = new Map<number, string>();
  for (const folder of tree.children(providerPackagesFolder)) {
    const path = `${providerPackagesFolder}/${folder}/${providerManifestFileName}`;
    if (!tree.exists(path)) continue;
    const { mock } = readJson<ProviderManifest>(tree, path);
    ports.set(mock.port, folder);
    if (mock.authorizationServer !== undefined) ports.set(mock.authorizationServer.port, folder);
    if (mock.simulator !== undefined) ports.set(mock.simulator.port, folder);
  }
  return ports;
}
