import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProviderStructure, checkRuntimeLibrariesNameNoProvider, listProviders } from './provider-structure.js';

/** The parts of a provider's package.json the tests break. */
interface ProviderManifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  nx?: unknown;
}

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const providers = listProviders(workspaceRoot);

describe('the provider packages of this workspace', () => {
  it('are found by their coverlink.provider.json', () => {
    expect(providers, 'no package has a coverlink.provider.json: the structure check below checked nothing').not.toEqual([]);
    expect(providers).toEqual(['helloclaims', 'oneassure', 'osigu']);
  });

  it.each(providers)('%s has the anatomy of a provider package', (provider) => {
    expect(checkProviderStructure(workspaceRoot, provider)).toEqual([]);
  });

  it('are named nowhere in what the runtime libraries ship', () => {
    expect(checkRuntimeLibrariesNameNoProvider(workspaceRoot)).toEqual([]);
  });
});

describe('the check that the runtime libraries name no provider', () => {
  // A workspace of one runtime library (auth's package.json, one source file), the providers'
  // package.json and coverlink.provider.json, and the list of files that never ship.
  let copy: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(copy, path, '..'), { recursive: true });
    writeFileSync(join(copy, path), text);
  };

  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), 'coverlink-runtime-names-'));
    for (const path of [
      'tsconfig.build.shared.json',
      'packages/auth/package.json',
      ...providers.flatMap((name) => [`packages/${name}/package.json`, `packages/${name}/coverlink.provider.json`]),
    ]) {
      mkdirSync(join(copy, path, '..'), { recursive: true });
      cpSync(join(workspaceRoot, path), join(copy, path));
    }
    write('packages/auth/src/token-request.ts', 'export const tokenRequest = (url: string) => fetch(url);\n');
  });

  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  it('finds nothing in a library that names no provider', () => {
    expect(checkRuntimeLibrariesNameNoProvider(copy)).toEqual([]);
  });

  it('names an identifier, a string and a template that name a provider, by any spelling', () => {
    write(
      'packages/auth/src/token-request.ts',
      [
        'export function createOneAssureSessionToken(): void {}',
        "export const hint = 'Codes live 60 s at Hello Claims';",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the template is the file's text
        'export const url = (host: string) => `https://${host}.OSIGU.com/token`;',
      ].join('\n'),
    );
    expect(checkRuntimeLibrariesNameNoProvider(copy)).toEqual([
      'packages/auth/src/token-request.ts:1 names the provider oneassure in code: "createOneAssureSessionToken"',
      'packages/auth/src/token-request.ts:2 names the provider helloclaims in code: "Codes live 60 s at Hello Claims"',
      'packages/auth/src/token-request.ts:3 names the provider osigu in code: ".OSIGU.com/token"',
    ]);
  });

  it('names a dependency on a provider package or its mock', () => {
    const manifestPath = join(copy, 'packages/auth/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.dependencies['@coverlink/mock-helloclaims'] = 'workspace:*';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(checkRuntimeLibrariesNameNoProvider(copy)).toEqual([
      'packages/auth/package.json lists @coverlink/mock-helloclaims, which names the provider helloclaims, in dependencies',
    ]);
  });

  it('leaves comments, tests and generated code alone', () => {
    write(
      'packages/auth/src/token-request.ts',
      '/** For client credentials, e.g. OSIGU. */\nexport const grant = 1; // as OneAssure does\n',
    );
    write(
      'packages/auth/src/token-request.test.ts',
      "import { startHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';\n",
    );
    write('packages/auth/src/generated/osigu.ts', 'export interface osiguPaths {}\n');
    expect(checkRuntimeLibrariesNameNoProvider(copy)).toEqual([]);
  });
});

describe('the structure check', () => {
  // Hello Claims is copied, so that an import of @coverlink/osigu is an import of another provider.
  const provider = 'helloclaims';
  let copy: string;

  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), 'coverlink-provider-structure-'));
    const copyFromWorkspace = (path: string) => cpSync(join(workspaceRoot, path), join(copy, path), { recursive: true });
    for (const file of [
      'package.json',
      'coverlink.provider.json',
      'README.md',
      'LICENSE',
      'tsconfig.json',
      'tsconfig.build.json',
      'tsdown.config.ts',
      'vitest.config.ts',
      'vitest.contract.config.ts',
      'src',
    ]) {
      copyFromWorkspace(`packages/${provider}/${file}`);
    }
    copyFromWorkspace(`specs/${provider}/openapi.yaml`);
    // The other providers are known by their coverlink.provider.json, their packages by package.json.
    for (const other of providers.filter((name) => name !== provider)) {
      mkdirSync(join(copy, 'packages', other), { recursive: true });
      copyFromWorkspace(`packages/${other}/package.json`);
      copyFromWorkspace(`packages/${other}/coverlink.provider.json`);
    }
  });

  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  const inCopy = (path: string) => join(copy, 'packages', provider, path);
  const editManifest = (edit: (manifest: ProviderManifest) => void) => {
    const manifest: ProviderManifest = JSON.parse(readFileSync(inCopy('package.json'), 'utf8'));
    edit(manifest);
    writeFileSync(inCopy('package.json'), JSON.stringify(manifest, null, 2));
  };

  it('finds nothing wrong with an intact copy of a provider', () => {
    expect(listProviders(copy)).toEqual(providers);
    expect(checkProviderStructure(copy, provider)).toEqual([]);
  });

  it('names an anatomy file that is missing', () => {
    rmSync(inCopy(`src/${provider}-errors.ts`));
    expect(checkProviderStructure(copy, provider)).toEqual([`helloclaims: packages/helloclaims/src/helloclaims-errors.ts is missing`]);
  });

  it('names a dependency on another provider package', () => {
    editManifest((manifest) => {
      manifest.dependencies['@coverlink/oneassure'] = 'workspace:*';
    });
    expect(checkProviderStructure(copy, provider)).toEqual([
      'helloclaims: packages/helloclaims/package.json lists another provider package, @coverlink/oneassure, in dependencies',
    ]);
  });

  it('names a development dependency on another provider package', () => {
    editManifest((manifest) => {
      manifest.devDependencies['@coverlink/osigu'] = 'workspace:*';
    });
    expect(checkProviderStructure(copy, provider)).toEqual([
      'helloclaims: packages/helloclaims/package.json lists another provider package, @coverlink/osigu, in devDependencies',
    ]);
  });

  it('names a source file that imports another provider package', () => {
    appendFileSync(inCopy(`src/${provider}-client.ts`), "\nimport { createOsiguClient } from '@coverlink/osigu';\n");
    expect(checkProviderStructure(copy, provider)).toEqual([
      "helloclaims: packages/helloclaims/src/helloclaims-client.ts imports '@coverlink/osigu', which is the provider package @coverlink/osigu",
    ]);
  });

  it('names a source file that reaches into another provider by a relative path', () => {
    appendFileSync(inCopy('src/helloclaims-client.test.ts'), "\nconst osigu = await import('../../osigu/src/index.js');\n");
    expect(checkProviderStructure(copy, provider)).toEqual([
      "helloclaims: packages/helloclaims/src/helloclaims-client.test.ts imports '../../osigu/src/index.js', which is the provider package @coverlink/osigu",
    ]);
  });

  it('names a source file that requires another provider package', () => {
    writeFileSync(inCopy('src/legacy.cjs'), "module.exports = require('@coverlink/oneassure');\n");
    expect(checkProviderStructure(copy, provider)).toEqual([
      "helloclaims: packages/helloclaims/src/legacy.cjs imports '@coverlink/oneassure', which is the provider package @coverlink/oneassure",
    ]);
  });

  it('ignores an import of another provider that is only written in a comment', () => {
    appendFileSync(inCopy(`src/${provider}-client.ts`), "\n// import { createOsiguClient } from '@coverlink/osigu';\n");
    expect(checkProviderStructure(copy, provider)).toEqual([]);
  });

  it('names Nx targets kept in package.json, which the plugin infers from the provider manifest', () => {
    editManifest((manifest) => {
      manifest.nx = { targets: { test: { command: 'vitest run' } } };
    });
    expect(checkProviderStructure(copy, provider)).toEqual([
      'helloclaims: packages/helloclaims/package.json has an "nx" block: a provider\'s Nx tags and targets come from its coverlink.provider.json',
    ]);
  });

  it('names the file and the fields of a provider manifest that breaks the schema', () => {
    const path = inCopy('coverlink.provider.json');
    const declaration = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...declaration, auth: 'api-key', mock: { kind: 'prism', port: 80 }, colour: 'blue' }));
    expect(checkProviderStructure(copy, provider)).toEqual([
      [
        'helloclaims: packages/helloclaims/coverlink.provider.json does not match tools/workspace-plugin/provider-manifest.schema.json:',
        '  - (the top level) has an unknown field "colour"',
        '  - auth must be one of "client-credentials", "authorization-code", "custom-token-endpoint"',
        '  - mock.port must be >= 1024',
      ].join('\n'),
    ]);
  });

  it('names a provider manifest whose name is not its folder', () => {
    const path = inCopy('coverlink.provider.json');
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), name: 'helloclaim' }));
    expect(checkProviderStructure(copy, provider)).toEqual([
      'helloclaims: packages/helloclaims/coverlink.provider.json: name is "helloclaim", but a provider\'s name is its package folder\'s: "helloclaims".',
    ]);
  });

  it('names a runtime library that is not a dependency', () => {
    editManifest((manifest) => {
      delete manifest.dependencies['@coverlink/auth'];
    });
    expect(checkProviderStructure(copy, provider)).toEqual([
      'helloclaims: packages/helloclaims/package.json does not list @coverlink/auth in dependencies',
    ]);
  });

  it('names a public export that is only a type', () => {
    const index = readFileSync(inCopy('src/index.ts'), 'utf8');
    const edited = index
      .replace(
        "export { HelloClaimsApiError } from './helloclaims-errors.js';",
        "export type { HelloClaimsApiError } from './helloclaims-errors.js';",
      )
      .replace('  createHelloClaimsClient,\n', '  type createHelloClaimsClient,\n');
    expect(edited).not.toBe(index);
    writeFileSync(inCopy('src/index.ts'), edited);
    expect(checkProviderStructure(copy, provider)).toEqual([
      'helloclaims: packages/helloclaims/src/index.ts does not export create<Provider>Client: no value export is named createhelloclaimsclient, ignoring case',
      'helloclaims: packages/helloclaims/src/index.ts does not export <Provider>ApiError: no value export is named helloclaimsapierror, ignoring case',
    ]);
  });

  it('names a tsconfig that does not reference the runtime libraries', () => {
    const tsconfig = readFileSync(inCopy('tsconfig.json'), 'utf8');
    writeFileSync(inCopy('tsconfig.json'), tsconfig.replace('{ "path": "../core" },', ''));
    expect(checkProviderStructure(copy, provider)).toEqual(['helloclaims: packages/helloclaims/tsconfig.json does not reference ../core']);
  });

  it('names a missing spec, and contracts recorded for another consumer or never checked', () => {
    rmSync(join(copy, 'specs'), { recursive: true });
    const contract = inCopy(`src/${provider}.contract.ts`);
    writeFileSync(
      contract,
      readFileSync(contract, 'utf8')
        .replaceAll("'coverlink-helloclaims'", "'coverlink-osigu'")
        .replace("describeRecordedPactChecks('helloclaims'", 'void (0'),
    );
    expect(checkProviderStructure(copy, provider)).toEqual([
      'helloclaims: specs/helloclaims/openapi.yaml is missing',
      "helloclaims: packages/helloclaims/src/helloclaims.contract.ts records no pact for the consumer 'coverlink-helloclaims'",
      "helloclaims: packages/helloclaims/src/helloclaims.contract.ts does not check its pacts with describeRecordedPactChecks('helloclaims')",
    ]);
  });
});
