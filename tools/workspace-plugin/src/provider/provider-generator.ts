import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type GeneratorCallback, generateFiles, readJson, type Tree, updateJson } from '@nx/devkit';
import { type ProviderNames, providerNames } from './provider-names.js';

/** Options of `nx g @coverlink/workspace-plugin:provider`, as in schema.json. */
export interface ProviderGeneratorSchema {
  /** Lowercase letters and digits: `acme` → `packages/acme`, `@coverlink/acme`. */
  name: string;
  /** How people write the provider's name; default the name, capitalised. */
  displayName?: string;
  /** The mock's documented port; default the next one after the registry's highest. */
  port?: number;
}

const mockRegistryPath = 'mocks/launcher/src/mock-registry.ts';
const prismJourneysPath = 'tools/demo/src/prism-journeys.ts';

/**
 * Adds a provider: `specs/<name>/openapi.yaml` with the shared token, security and error patterns,
 * `mocks/<name>` (its Prism mock, registered in the mock launcher, so the CLI's `mocks start`
 * serves it too), and `packages/<name>` with the anatomy of the other provider packages; then
 * registers it in the demo, the docs index, the API reference, the bundle-size budgets, the spec
 * lint and the TypeScript project references. The task it returns installs the workspace links,
 * generates the types from the spec and formats what was written, so the new package's targets
 * pass untouched.
 */
export default async function providerGenerator(tree: Tree, schema: ProviderGeneratorSchema): Promise<GeneratorCallback> {
  const names = providerNames(schema.name, schema.displayName);
  if (tree.exists(`packages/${names.name}`) || tree.exists(`specs/${names.name}`)) {
    throw new Error(`A provider named ${names.name} exists already (packages/${names.name} or specs/${names.name}); pick another name.`);
  }
  const port = schema.port ?? nextMockPort(tree);

  generateFiles(tree, fileURLToPath(new URL('./files', import.meta.url)), '.', { ...names, port, template: '' });
  registerMock(tree, names, port);
  registerDemoJourney(tree, names);
  registerDocs(tree, names, port);
  registerSizeBudget(tree, names);
  registerSpecLint(tree, names);
  updateJson(tree, 'tsconfig.json', (config: { references: { path: string }[] }) => {
    config.references.push({ path: `./packages/${names.name}` });
    return config;
  });

  // The workspace's own pnpm, as the README runs it: corepack is not assumed to work.
  const { packageManager } = readJson<{ packageManager: string }>(tree, 'package.json');
  return () => {
    const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: tree.root, stdio: 'inherit' });
    run('npx', ['--yes', packageManager, 'install', '--no-frozen-lockfile', '--prefer-offline']);
    run(`${tree.root}/node_modules/.bin/nx`, ['run', `@coverlink/${names.name}:codegen`]);
    // The templates are formatted for short names; a long one can push a line past the width.
    const written = [
      `packages/${names.name}`,
      `specs/${names.name}`,
      `mocks/${names.name}`,
      'tools/demo',
      'tools/bench',
      mockRegistryPath,
      'docs',
      'tsconfig.json',
      'typedoc.json',
    ];
    run(`${tree.root}/node_modules/.bin/biome`, ['check', '--write', ...written]);
  };
}

/** The port after the highest one the mock registry documents. */
function nextMockPort(tree: Tree): number {
  return Math.max(...[...read(tree, mockRegistryPath).matchAll(/\bport: (\d+)/g)].map((match) => Number(match[1]))) + 1;
}

function registerMock(tree: Tree, names: ProviderNames, port: number): void {
  const entry = `  ${names.name}: { name: '${names.name}', specPath: \`\${specsFolder}${names.name}/openapi.yaml\`, port: ${port} },\n`;
  edit(tree, mockRegistryPath, '} as const satisfies', (source, at) => `${source.slice(0, at)}${entry}${source.slice(at)}`);
}

function registerDemoJourney(tree: Tree, names: ProviderNames): void {
  const entry = `  { title: '${names.displayName} member journey', mock: '${names.name}', run: ${names.propertyName}Journey },\n`;
  const importLine = `import { ${names.propertyName}Journey } from './${names.name}-journey.js';\n`;
  edit(tree, prismJourneysPath, '];', (source, at) => `${importLine}${source.slice(0, at)}${entry}${source.slice(at)}`);
  updateJson(tree, 'tools/demo/package.json', (manifest: { dependencies: Record<string, string> }) => {
    manifest.dependencies[`@coverlink/${names.name}`] = 'workspace:*';
    return manifest;
  });
  updateJson(tree, 'tools/demo/tsconfig.json', (config: { references: { path: string }[] }) => {
    config.references.push({ path: `../../packages/${names.name}` });
    return config;
  });
}

function registerDocs(tree: Tree, names: ProviderNames, port: number): void {
  const index = 'docs/README.md';
  const lines = read(tree, index).split('\n');
  const addRow = (table: RegExp, row: string, what: string) => {
    const lastRow = lines.findLastIndex((line) => table.test(line));
    if (lastRow === -1) throw new Error(`${index} has no ${what} table to add ${names.displayName} to.`);
    lines.splice(lastRow + 1, 0, row);
  };
  addRow(
    /^\| .*\| `@coverlink\/[a-z0-9]+` +\|/,
    `| ${names.displayName} | \`@coverlink/${names.name}\` | [${names.name}.md](./${names.name}.md) |`,
    'provider',
  );
  addRow(
    /^\| .*\| \d{4} +\|/,
    `| ${names.displayName} (Prism serving \`specs/${names.name}\`) | ${port} | any | \`npx pnpm@10.34.9 nx run mock-${names.name}:mock\` |`,
    'mock',
  );
  tree.write(index, lines.join('\n'));
  updateJson(tree, 'typedoc.json', (config: { entryPoints: string[] }) => {
    config.entryPoints.push(`packages/${names.name}/src/index.ts`);
    return config;
  });
  updateJson(tree, 'docs/tsconfig.typedoc.json', (config: { include: string[] }) => {
    config.include.push(`../packages/${names.name}/src/**/*.ts`);
    return config;
  });
}

function registerSizeBudget(tree: Tree, names: ProviderNames): void {
  // A new provider's bundle starts with the budget of the others; the benchmark says when to tighten it.
  const entry = [
    '  {',
    `    name: '@coverlink/${names.name} (browser)',`,
    `    path: 'src/size-entries/${names.name}.ts',`,
    '    gzip: true,',
    "    limit: '26.5 kB',",
    "    modifyEsbuildConfig: withSource('browser'),",
    '  },',
    '',
  ].join('\n');
  edit(tree, 'tools/bench/.size-limit.js', '];', (source, at) => `${source.slice(0, at)}${entry}${source.slice(at)}`);
  updateJson(tree, 'tools/bench/package.json', (manifest: { dependencies: Record<string, string> }) => {
    manifest.dependencies[`@coverlink/${names.name}`] = 'workspace:*';
    return manifest;
  });
}

function registerSpecLint(tree: Tree, names: ProviderNames): void {
  // redocly.yaml keeps its comments, so the entry goes in as text at the end of the `apis` block.
  const path = 'redocly.yaml';
  const block = /^apis:\n(?: {2}.*\n)+/m.exec(read(tree, path));
  if (block === null) throw new Error(`${path} has no \`apis:\` block to add specs/${names.name} to.`);
  const entry = `  ${names.name}@v1:\n    root: ./specs/${names.name}/openapi.yaml\n`;
  edit(tree, path, block[0], (source, at) => `${source.slice(0, at + block[0].length)}${entry}${source.slice(at + block[0].length)}`);
}

/** Rewrites `path` around the first `anchor`; fails clearly when the anchor is gone. */
function edit(tree: Tree, path: string, anchor: string, rewrite: (source: string, anchorAt: number) => string): void {
  const source = read(tree, path);
  const at = source.indexOf(anchor);
  if (at === -1) throw new Error(`The provider generator adds to ${path} at "${anchor.trim()}", which is no longer there.`);
  tree.write(path, rewrite(source, at));
}

function read(tree: Tree, path: string): string {
  const source = tree.read(path, 'utf-8');
  if (source === null) throw new Error(`The provider generator needs ${path}, which this workspace does not have.`);
  return source;
}
