import { readFileSync } from 'node:fs';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import providerGenerator from './provider-generator.js';
import { providerNames } from './provider-names.js';

const workspaceRoot = new URL('../../../../', import.meta.url);
// What the generator reads of this workspace: its pnpm version and the providers' manifests (for the next port).
const seededFiles = [
  'package.json',
  ...['osigu', 'oneassure', 'helloclaims'].map((provider) => `packages/${provider}/coverlink.provider.json`),
];
const authPatterns = ['client-credentials', 'authorization-code', 'custom-token-endpoint'] as const;

let tree: Tree;
beforeEach(() => {
  tree = createTreeWithEmptyWorkspace();
  for (const path of seededFiles) tree.write(path, readFileSync(new URL(path, workspaceRoot)));
});

const text = (path: string) => tree.read(path, 'utf-8') ?? '';
const manifestOf = (name: string) => JSON.parse(text(`packages/${name}/coverlink.provider.json`));

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
  it('writes a spec and a package with the anatomy of the others, and nothing else', async () => {
    const before = new Set(tree.listChanges().map((change) => change.path));
    await providerGenerator(tree, { name: 'acmehealth', displayName: 'Acme Health' });

    const written = tree.listChanges().filter((change) => !before.has(change.path));
    expect(written.filter((change) => !/^(specs|packages)\/acmehealth\//.test(change.path)).map((change) => change.path)).toEqual([]);
    expect(written.every((change) => change.type === 'CREATE')).toBe(true);
    for (const path of [
      'specs/acmehealth/openapi.yaml',
      'packages/acmehealth/coverlink.provider.json',
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
      'packages/acmehealth/src/acmehealth.demo.ts',
      'packages/acmehealth/src/codegen-drift.test.ts',
      'packages/acmehealth/src/mock-server.global-setup.ts',
      'packages/acmehealth/src/version.ts',
      'packages/acmehealth/src/version.test.ts',
    ]) {
      expect(tree.exists(path), path).toBe(true);
    }
    expect(text('packages/acmehealth/src/index.ts')).toMatch(/createAcmeHealthClient,[\s\S]*export \{ AcmeHealthApiError \}/);
    expect(text('packages/acmehealth/src/acmehealth-errors.ts')).toContain("providerApiError('Acme Health')");
    const manifest = JSON.parse(text('packages/acmehealth/package.json'));
    expect(manifest.name).toBe('@coverlink/acmehealth');
    // Nx tags and targets come from coverlink.provider.json, not from package.json.
    expect(manifest.nx).toBeUndefined();
    expect(Object.keys(manifest.dependencies)).toEqual(['@coverlink/auth', '@coverlink/core', 'openapi-fetch']);
    expect(manifestOf('acmehealth')).toMatchObject({
      name: 'acmehealth',
      displayName: 'Acme Health',
      auth: 'client-credentials',
      mock: { kind: 'prism', port: 4015 },
    });
  });

  it.each(authPatterns)('writes the %s pattern: its manifest, token source and tests, with no placeholder left', async (auth) => {
    await providerGenerator(tree, { name: 'acme', auth });

    expect(manifestOf('acme').auth).toBe(auth);
    const client = text('packages/acme/src/acme-client.ts');
    const index = text('packages/acme/src/index.ts');
    if (auth === 'client-credentials') {
      expect(client).toContain('createClientCredentialsTokenProvider({');
      expect(text('specs/acme/openapi.yaml')).toMatch(
        /clientCredentials:\n {10}tokenUrl: https:\/\/sandbox\.acme\.example\/v1\/oauth\/token/,
      );
    } else if (auth === 'authorization-code') {
      expect(client).toContain('createAuthorizationCodeClient({');
      expect(client).toContain('createUserTokenProvider({');
      expect(index).toMatch(/createAcmeAuthorizationCodeClient,[\s\S]*type AcmeUserClient,/);
      expect(text('specs/acme/openapi.yaml')).toMatch(
        /authorizationCode:\n {10}authorizationUrl: https:\/\/sandbox\.acme\.example\/v1\/oauth\/authorize/,
      );
      expect(text('packages/acme/src/acme-client.test.ts')).toContain("grant_type: 'refresh_token'");
    } else {
      // The adapter is the package's own, on auth's public client-credentials provider.
      expect(text('packages/acme/src/acme-tokens.ts')).toContain("clientAuthentication: 'client_secret_post'");
      expect(index).toContain("export { createAcmeTokenProvider, acmeTokenEndpoint } from './acme-tokens.js';");
      expect(text('specs/acme/openapi.yaml')).toContain('  /v1/auth/token:\n');
      expect(text('specs/acme/openapi.yaml')).not.toContain('oauth2');
    }
    expect(tree.exists('packages/acme/src/acme-tokens.ts')).toBe(auth === 'custom-token-endpoint');
    for (const change of tree.listChanges()) expect(change.content?.toString('utf8') ?? '', change.path).not.toMatch(/<%|%>|__name__/);
  });

  it('takes the next port after every documented one, or the one asked for', async () => {
    await providerGenerator(tree, { name: 'acme' });
    await providerGenerator(tree, { name: 'bravo', port: 4100 });
    await providerGenerator(tree, { name: 'charlie' });

    expect([manifestOf('acme'), manifestOf('bravo'), manifestOf('charlie')].map((manifest) => manifest.mock.port)).toEqual([
      4015, 4100, 4101,
    ]);
  });

  it("refuses a port another provider's mock documents", async () => {
    await expect(providerGenerator(tree, { name: 'acme', port: 4012 })).rejects.toThrow(
      'Port 4012 is the documented mock port of helloclaims; pass another --port.',
    );
    expect(tree.exists('packages/acme')).toBe(false);
  });

  it('refuses a provider that exists, and writes nothing', async () => {
    tree.write('packages/osigu/package.json', '{}');
    const before = tree.listChanges().length;

    await expect(providerGenerator(tree, { name: 'osigu' })).rejects.toThrow(/A provider named osigu exists already/);
    expect(tree.listChanges()).toHaveLength(before);
    expect(tree.exists('specs/osigu/openapi.yaml')).toBe(false);
  });
});
