import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createNodes } from './provider-targets.js';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const [pattern, inferNodes] = createNodes;
const infer = async (...files: string[]) =>
  Object.fromEntries(await inferNodes(files, undefined, { workspaceRoot, nxJsonConfiguration: {} }));

describe('the workspace Nx plugin', () => {
  it('matches every package.json and provider manifest under packages, mocks and tools', () => {
    expect(pattern).toBe('{packages,mocks,tools}/*/{package.json,coverlink.provider.json}');
  });

  it('gives a provider its standard targets, inputs, outputs and dependencies from coverlink.provider.json', async () => {
    const { projects } = (await infer('packages/osigu/coverlink.provider.json'))['packages/osigu/coverlink.provider.json'] ?? {};
    const osigu = projects?.['packages/osigu'];
    expect(osigu?.tags).toEqual(['type:provider', 'scope:osigu']);
    expect(osigu?.namedInputs).toEqual({ spec: ['{workspaceRoot}/specs/osigu/**/*'] });
    expect(Object.keys(osigu?.targets ?? {})).toEqual([
      'lint-spec',
      'codegen',
      'typecheck',
      'build',
      'lint',
      'test',
      'test:contract',
      'lint-package',
    ]);
    expect(osigu?.targets?.['lint-spec']?.options).toEqual({ command: 'redocly lint specs/osigu/openapi.yaml' });
    expect(osigu?.targets?.typecheck).toMatchObject({
      dependsOn: ['codegen', '^typecheck'],
      inputs: ['default', '^production'],
      outputs: ['{projectRoot}/out-tsc'],
      options: { command: 'tsc --build packages/osigu/tsconfig.json' },
    });
    expect(osigu?.targets?.['test:contract']?.outputs).toEqual(['{workspaceRoot}/mocks/osigu/pacts']);
    expect(osigu?.targets?.['lint-package']).toMatchObject({
      dependsOn: ['build'],
      options: { command: 'node tools/scripts/lint-package.mjs packages/osigu' },
    });
    // OSIGU's simulator is a project of its own (mocks/osigu/package.json): the mock target joins it and starts it beside Prism.
    expect(projects?.['mocks/osigu']).toEqual({
      targets: {
        mock: {
          executor: 'nx:run-commands',
          continuous: true,
          options: { commands: ['tsx mocks/osigu/src/cli.ts', 'tsx mocks/launcher/src/cli.ts osigu'], parallel: true },
        },
      },
    });
  });

  it('gives a Prism-only mock a project of its own, where its pacts go', async () => {
    const { projects } = (await infer('packages/oneassure/coverlink.provider.json'))['packages/oneassure/coverlink.provider.json'] ?? {};
    expect(projects?.['mocks/oneassure']).toEqual({
      name: 'mock-oneassure',
      tags: ['type:mock', 'scope:oneassure'],
      targets: { mock: { executor: 'nx:run-commands', continuous: true, options: { command: 'tsx mocks/launcher/src/cli.ts oneassure' } } },
    });
  });

  it("adds the mock target to an authorization server's own project, which starts beside Prism", async () => {
    const { projects } =
      (await infer('packages/helloclaims/coverlink.provider.json'))['packages/helloclaims/coverlink.provider.json'] ?? {};
    expect(projects?.['mocks/helloclaims']?.targets?.mock?.options).toEqual({
      commands: ['tsx mocks/helloclaims/src/cli.ts', 'tsx mocks/launcher/src/cli.ts helloclaims'],
      parallel: true,
    });
  });

  it('gives every package the production input: its files minus the test-only files the shared build tsconfig excludes', async () => {
    const { exclude } = JSON.parse(readFileSync(`${workspaceRoot}tsconfig.build.shared.json`, 'utf8')) as { exclude: string[] };
    const { projects } = (await infer('packages/core/package.json'))['packages/core/package.json'] ?? {};
    expect(projects?.['packages/core']?.namedInputs?.production).toEqual(['default', ...exclude.map((glob) => `!{projectRoot}/${glob}`)]);
    expect(exclude).toContain('**/*.test.ts');
  });
});
