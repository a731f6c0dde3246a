import { basename, dirname, join } from 'node:path';
import { type CreateNodes, type CreateNodesResult, createNodesFromFiles, type TargetConfiguration } from '@nx/devkit';
import { type ProviderManifest, providerManifestFileName, readProviderManifest } from '../manifest/provider-manifest.js';
import { testOnlyFileGlobs } from './test-only-files.js';

// Every workspace package (for the `production` input) and every provider manifest (for the provider targets).
const projectFilePattern = `{packages,mocks,tools}/*/{package.json,${providerManifestFileName}}`;

/**
 * The workspace's Nx plugin, registered in nx.json `plugins`, inferring from files as Nx's own
 * plugins do:
 * - every package gets the `production` input: its files minus the test-only files that
 *   `tsconfig.build.shared.json` excludes from every build, so the list is kept in one place;
 * - a package with a `coverlink.provider.json` gets the provider targets (lint-spec, codegen,
 *   typecheck, build, lint, test, test:contract, lint-package) and its mock gets `mock-<name>:mock`.
 */
export const createNodes: CreateNodes = [
  projectFilePattern,
  (files, _options, context) =>
    createNodesFromFiles(
      (file) =>
        basename(file) === providerManifestFileName
          ? providerNodes(readProviderManifest(join(context.workspaceRoot, file), context.workspaceRoot), dirname(file))
          : { projects: { [dirname(file)]: { namedInputs: { production: productionInput(context.workspaceRoot) } } } },
      files,
      _options,
      context,
    ),
];

/** The same plugin under the name Nx 20 and 21 looked for. */
export const createNodesV2 = createNodes;

let production: string[] | undefined;
function productionInput(workspaceRoot: string): string[] {
  production ??= ['default', ...testOnlyFileGlobs(workspaceRoot).map((glob) => `!{projectRoot}/${glob}`)];
  return production;
}

function providerNodes(manifest: ProviderManifest, root: string): CreateNodesResult {
  const { name } = manifest;
  const command = (line: string, cwd?: string): Pick<TargetConfiguration, 'executor' | 'options'> => ({
    executor: 'nx:run-commands',
    options: cwd === undefined ? { command: line } : { command: line, cwd },
  });
  const afterCodegen = { cache: true, dependsOn: ['codegen', '^typecheck'] };
  const targets: Record<string, TargetConfiguration> = {
    'lint-spec': {
      ...command(`redocly lint specs/${name}/openapi.yaml`),
      cache: true,
      inputs: ['spec', '{workspaceRoot}/redocly.yaml', { externalDependencies: ['@redocly/cli'] }],
      outputs: [],
    },
    codegen: {
      ...command(`tsx tools/codegen/src/cli.ts ${name}`),
      cache: true,
      inputs: ['spec', '{workspaceRoot}/tools/codegen/src/**/*', { externalDependencies: ['openapi-typescript'] }],
      outputs: ['{projectRoot}/src/generated'],
    },
    typecheck: {
      ...command(`tsc --build ${root}/tsconfig.json`),
      ...afterCodegen,
      inputs: ['default', '^production'],
      outputs: ['{projectRoot}/out-tsc'],
    },
    build: {
      ...command('tsdown', '{projectRoot}'),
      cache: true,
      dependsOn: ['codegen'],
      // The spec ships in dist/ as the package's `./openapi.yaml` export, so it is a build input.
      inputs: ['production', '^production', 'spec', '{workspaceRoot}/tsdown.shared.ts', { externalDependencies: ['tsdown'] }],
      outputs: ['{projectRoot}/dist'],
    },
    lint: {
      ...command(`biome check ${root} && eslint ${root}`),
      cache: true,
      inputs: ['default', '{workspaceRoot}/biome.json', '{workspaceRoot}/eslint.config.js'],
      outputs: [],
    },
    test: { ...command('vitest run', '{projectRoot}'), ...afterCodegen, inputs: ['default', '^production', 'spec'], outputs: [] },
    'test:contract': {
      ...command('vitest run --config vitest.contract.config.ts', '{projectRoot}'),
      ...afterCodegen,
      inputs: ['default', '^production', 'spec'],
      outputs: [`{workspaceRoot}/mocks/${name}/pacts`],
    },
    'lint-package': {
      ...command(`node tools/scripts/lint-package.mjs ${root}`),
      dependsOn: ['build'],
      cache: true,
      inputs: [
        'production',
        '^production',
        '{workspaceRoot}/tools/scripts/lint-package.mjs',
        { externalDependencies: ['publint', '@arethetypeswrong/cli'] },
      ],
    },
  };
  return {
    projects: {
      [root]: { tags: ['type:provider', `scope:${name}`], namedInputs: { spec: [`{workspaceRoot}/specs/${name}/**/*`] }, targets },
      ...mockProject(manifest),
    },
  };
}

/**
 * `mock-<name>:mock`, which serves the provider on its documented ports until Ctrl-C. A Prism-only
 * mock has no files of its own, so its project is inferred at `mocks/<name>` (where its pacts go);
 * an authorization server's mock target joins that server's own project.
 */
function mockProject({ name, mock }: ProviderManifest): CreateNodesResult['projects'] {
  const prism = `tsx mocks/launcher/src/cli.ts ${name}`;
  // A stateful server beside Prism (an authorization server, a simulator) is its own project: the mock target joins it.
  const server = mock.authorizationServer ?? mock.simulator;
  if (server === undefined) {
    return {
      [`mocks/${name}`]: {
        name: `mock-${name}`,
        tags: ['type:mock', `scope:${name}`],
        targets: { mock: { executor: 'nx:run-commands', continuous: true, options: { command: prism } } },
      },
    };
  }
  const { project } = server;
  return {
    [project]: {
      targets: {
        mock: {
          executor: 'nx:run-commands',
          continuous: true,
          options: { commands: [`tsx ${project}/src/cli.ts`, prism], parallel: true },
        },
      },
    },
  };
}
