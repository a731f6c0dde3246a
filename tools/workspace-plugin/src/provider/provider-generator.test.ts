import { readFileSync } from 'node:fs';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import providerGenerator from './provider-generator.js';
import { providerNames } from './provider-names.js';

const workspaceRoot = new URL('../../../../', import.meta.url);
// The files the generator registers a provider in, as they are in this workspace.
const registrationFiles = [
  'package.json',
  'tsconfig.json',
  'typedoc.json',
  'redocly.yaml',
  'docs/README.md',
  'docs/tsconfig.typedoc.json',
  'mocks/launcher/src/mock-registry.ts',
  'tools/demo/package.json',
  'tools/demo/tsconfig.json',
  'tools/demo/src/prism-journeys.ts',
  'tools/bench/package.json',
  'tools/bench/.size-limit.js',
];

let tree: Tree;
beforeEach(() => {
  tree = createTreeWithEmptyWorkspace();
  for (const path of registrationFiles) tree.write(path, readFileSync(new URL(path, workspaceRoot)));
});

const text = (path: string) => tree.read(path, 'utf-8') ?? '';
/** The mock registry's line for `name`, as a pattern (the line holds a template literal). */
const registryEntry = (name: string, port: number, after = '') =>
  new RegExp(`\\n  ${name}: \\{ name: '${name}', specPath: \`\\$\\{specsFolder\\}${name}/openapi\\.yaml\`, port: ${port} \\},${after}`);

describe('providerNames', () => {
  it('spells a one-word name and a display name with spaces', () => {
    expect(providerNames('acme')).toEqual({ name: 'acme', displayName: 'Acme', className: 'Acme', propertyName: 'acme' });
    expect(providerNames('acmehealth', 'Acme Health')).toEqual({
      name: 'acmehealth',
      displayName: 'Acme Health',
      className: 'AcmeHealth',
      propertyName: 'acmeHealth',
    });
  });

  it('refuses a display name that spells another name, since the exports are named after it', () => {
    expect(() => providerNames('acme', 'Acme Health')).toThrow(
      'The display name "Acme Health" must spell the provider name "acme" in its letters and digits (the exports are named after it): pass acmehealth as the name, or a display name such as "Acme".',
    );
  });

  it.each(['Acme', 'acme-health', '9lives', ''])('refuses %j, saying what a name must be', (name) => {
    expect(() => providerNames(name)).toThrow(/lowercase letters and digits, starting with a letter/);
  });
});

describe('the provider generator, on a tree seeded with this workspace', () => {
  it('creates the spec, the mock project and a package with the anatomy of the others', async () => {
    await providerGenerator(tree, { name: 'acmehealth', displayName: 'Acme Health' });

    for (const path of [
      'specs/acmehealth/openapi.yaml',
      'mocks/acmehealth/project.json',
      'packages/acmehealth/package.json',
      'packages/acmehealth/tsconfig.json',
      'packages/acmehealth/tsconfig.build.json',
      'packages/acmehealth/tsdown.config.ts',
      'packages/acmehealth/README.md',
      'packages/acmehealth/LICENSE',
      'packages/acmehealth/vitest.config.ts',
      'packages/acmehealth/vitest.contract.config.ts',
      'packages/acmehealth/src/index.ts',
      'packages/acmehealth/src/acmehealth-client.ts',
      'packages/acmehealth/src/acmehealth-errors.ts',
      'packages/acmehealth/src/acmehealth-profile.ts',
      'packages/acmehealth/src/acmehealth-client.test.ts',
      'packages/acmehealth/src/acmehealth-types.test-d.ts',
      'packages/acmehealth/src/acmehealth.contract.ts',
      'packages/acmehealth/src/codegen-drift.test.ts',
      'packages/acmehealth/src/mock-server.global-setup.ts',
      'packages/acmehealth/src/version.ts',
      'packages/acmehealth/src/version.test.ts',
      'tools/demo/src/acmehealth-journey.ts',
      'docs/acmehealth.md',
    ]) {
      expect(tree.exists(path), path).toBe(true);
    }
    expect(text('packages/acmehealth/src/index.ts')).toMatch(/createAcmeHealthClient,[\s\S]*export \{ AcmeHealthApiError \}/);
    expect(text('packages/acmehealth/src/acmehealth-errors.ts')).toContain("providerApiError('Acme Health')");
    const manifest = JSON.parse(text('packages/acmehealth/package.json'));
    expect(manifest.name).toBe('@coverlink/acmehealth');
    expect(manifest.nx.tags).toEqual(['type:provider', 'scope:acmehealth']);
    expect(Object.keys(manifest.nx.targets)).toEqual(
      expect.arrayContaining(['lint-spec', 'codegen', 'typecheck', 'build', 'lint', 'test', 'test:contract', 'lint-package']),
    );
    expect(Object.keys(manifest.dependencies)).toEqual(['@coverlink/auth', '@coverlink/core', 'openapi-fetch']);
    // No template placeholder survives.
    for (const change of tree.listChanges()) expect(change.content?.toString('utf8') ?? '', change.path).not.toMatch(/<%|%>|__name__/);
  });

  it('registers the provider in the mock launcher, the demo, the docs, the size budgets, the spec lint and the project references', async () => {
    await providerGenerator(tree, { name: 'acme' });

    expect(text('mocks/launcher/src/mock-registry.ts')).toMatch(registryEntry('acme', 4015, '\n} as const satisfies'));
    expect(text('tools/demo/src/prism-journeys.ts')).toContain("import { acmeJourney } from './acme-journey.js';");
    expect(text('tools/demo/src/prism-journeys.ts')).toMatch(/\{ title: 'Acme member journey', mock: 'acme', run: acmeJourney \},\n\];/);
    expect(JSON.parse(text('tools/demo/package.json')).dependencies['@coverlink/acme']).toBe('workspace:*');
    expect(JSON.parse(text('tools/demo/tsconfig.json')).references).toContainEqual({ path: '../../packages/acme' });
    expect(JSON.parse(text('tsconfig.json')).references).toContainEqual({ path: './packages/acme' });
    expect(JSON.parse(text('typedoc.json')).entryPoints).toContain('packages/acme/src/index.ts');
    expect(JSON.parse(text('docs/tsconfig.typedoc.json')).include).toContain('../packages/acme/src/**/*.ts');
    expect(text('docs/README.md')).toMatch(
      /\| `@coverlink\/helloclaims` .*\n\| Acme \| `@coverlink\/acme` \| \[acme\.md\]\(\.\/acme\.md\) \|\n/,
    );
    expect(text('docs/README.md')).toContain(
      '| Acme (Prism serving `specs/acme`) | 4015 | any | `npx pnpm@10.34.9 nx run mock-acme:mock` |',
    );
    expect(text('tools/bench/.size-limit.js')).toMatch(
      /name: '@coverlink\/acme \(browser\)',\n {4}path: 'src\/size-entries\/acme\.ts',[\s\S]*\n\];/,
    );
    expect(JSON.parse(text('tools/bench/package.json')).dependencies['@coverlink/acme']).toBe('workspace:*');
    expect(tree.exists('tools/bench/src/size-entries/acme.ts')).toBe(true);
    expect(text('redocly.yaml')).toMatch(
      / {2}helloclaims@v1:\n {4}root: \.\/specs\/helloclaims\/openapi\.yaml\n {2}acme@v1:\n {4}root: \.\/specs\/acme\/openapi\.yaml\n/,
    );
    expect(text('specs/acme/openapi.yaml')).toContain('tokenUrl: https://sandbox.acme.example/v1/oauth/token');
    expect(text('docs/acme.md')).toContain('http://127.0.0.1:4015');
  });

  it('takes the next free port after a second provider, or the one asked for', async () => {
    await providerGenerator(tree, { name: 'acme' });
    await providerGenerator(tree, { name: 'bravo', port: 4100 });
    await providerGenerator(tree, { name: 'charlie' });

    const registry = text('mocks/launcher/src/mock-registry.ts');
    expect(registry).toMatch(registryEntry('acme', 4015));
    expect(registry).toMatch(registryEntry('bravo', 4100));
    expect(registry).toMatch(registryEntry('charlie', 4101));
  });

  it('refuses a provider that exists, and writes nothing', async () => {
    const before = text('mocks/launcher/src/mock-registry.ts');
    tree.write('packages/osigu/package.json', '{}');

    await expect(providerGenerator(tree, { name: 'osigu' })).rejects.toThrow(/A provider named osigu exists already/);
    expect(text('mocks/launcher/src/mock-registry.ts')).toBe(before);
    expect(tree.exists('specs/osigu/openapi.yaml')).toBe(false);
  });

  it('names the file and the line it needs when a registration point has moved', async () => {
    tree.write('tools/demo/src/prism-journeys.ts', 'export const prismJourneys = [] as const;\n');

    await expect(providerGenerator(tree, { name: 'acme' })).rejects.toThrow(
      'The provider generator adds to tools/demo/src/prism-journeys.ts at "];", which is no longer there.',
    );
  });
});
