import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { listProviderRoots, providerManifestFileName, readProviderManifest } from '../manifest/provider-manifest.js';
import { testOnlyFileGlobs } from '../plugin/test-only-files.js';

// Where the workspace keeps its projects (the globs of pnpm-workspace.yaml), for the checks that find projects by their Nx tags.
const projectFolders = ['packages', 'mocks', 'tools'];

const sourceExtensions = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs'];

interface ProviderProject {
  name: string;
  root: string;
  packageName: string | undefined;
}

/** The workspace's provider packages, by their coverlink.provider.json: their folder names, sorted. */
export function listProviders(workspaceRoot: string): string[] {
  return findProviderProjects(workspaceRoot).map((project) => project.name);
}

/**
 * What keeps `packages/<provider>` from having the anatomy every provider package shares, one
 * human-readable problem a line; empty when all is well. It reads only the provider's own package,
 * its spec, and the package.json of the other providers.
 */
export function checkProviderStructure(workspaceRoot: string, provider: string): string[] {
  const packageRoot = join(workspaceRoot, 'packages', provider);
  const problems: string[] = [];
  const report = (problem: string) => problems.push(`${provider}: ${problem}`);
  const otherProviders = findProviderProjects(workspaceRoot).filter((project) => project.root !== packageRoot);

  for (const file of anatomyFiles(provider)) {
    if (!existsSync(join(packageRoot, file))) report(`packages/${provider}/${file} is missing`);
  }

  checkPublicSurface(packageRoot, provider, report);
  checkManifest(packageRoot, provider, otherProviders, report);
  checkSourceImports(workspaceRoot, packageRoot, otherProviders, report);
  checkTsconfigReferences(packageRoot, provider, report);

  if (!existsSync(join(workspaceRoot, 'specs', provider, 'openapi.yaml'))) report(`specs/${provider}/openapi.yaml is missing`);
  checkContracts(packageRoot, provider, report);

  return problems;
}

/**
 * What makes a runtime library (a package tagged `type:library`: core, auth) name a provider, one
 * human-readable problem a line; empty when none does. The shared runtime serves every provider
 * alike, so a provider's name, display name or package in what a library ships (an identifier, a
 * string, a dependency) means provider code sits in the wrong package. Comments may mention
 * providers as examples; tests and generated code are not read.
 */
export function checkRuntimeLibrariesNameNoProvider(workspaceRoot: string): string[] {
  const providers = findProviderProjects(workspaceRoot);
  const testOnly = testOnlySuffixes(workspaceRoot);
  const problems: string[] = [];
  for (const library of findProjectsTagged(workspaceRoot, 'type:library')) {
    const manifestPath = join(library.root, 'package.json');
    const manifest = readJson(manifestPath);
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const dependency of Object.keys(objectAt(manifest, field) ?? {})) {
        const named = providerNamedIn(dependency, providers);
        if (named)
          problems.push(
            `${workspacePath(workspaceRoot, manifestPath)} lists ${dependency}, which names the provider ${named}, in ${field}`,
          );
      }
    }
    const sources = listSourceFiles(join(library.root, 'src')).filter(
      (file) => !testOnly.some((suffix) => file.endsWith(suffix)) && !file.split(sep).includes('generated'),
    );
    for (const file of sources) {
      const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      for (const { text, position } of codeTexts(sourceFile)) {
        const named = providerNamedIn(text, providers);
        if (!named) continue;
        const line = sourceFile.getLineAndCharacterOfPosition(position).line + 1;
        problems.push(`${workspacePath(workspaceRoot, file)}:${line} names the provider ${named} in code: ${JSON.stringify(text)}`);
      }
    }
  }
  return problems;
}

/**
 * The endings of the files that never ship, from the one list of them (tsconfig.build.shared.json's
 * exclusions: `**\/*.test.ts` gives `.test.ts`), so the check skips what the build skips.
 */
function testOnlySuffixes(workspaceRoot: string): string[] {
  return testOnlyFileGlobs(workspaceRoot).flatMap((glob) => /^\*\*\/\*(\..+)$/.exec(glob)?.[1] ?? []);
}

/** The provider whose folder name `text` holds, ignoring case and anything but letters and digits (so `Hello Claims` and `HELLO_CLAIMS` count). */
function providerNamedIn(text: string, providers: ProviderProject[]): string | undefined {
  const letters = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return providers.find((provider) => letters.includes(provider.name))?.name;
}

/** Every identifier, string, template part, regular expression and JSX text of a module, with its position; comments are not nodes, so they are left out. */
function codeTexts(sourceFile: ts.SourceFile): Array<{ text: string; position: number }> {
  const texts: Array<{ text: string; position: number }> = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) ||
      ts.isPrivateIdentifier(node) ||
      ts.isStringLiteralLike(node) ||
      ts.isTemplateLiteralToken(node) ||
      ts.isRegularExpressionLiteral(node) ||
      ts.isJsxText(node)
    ) {
      texts.push({ text: node.text, position: node.getStart(sourceFile) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return texts;
}

function workspacePath(workspaceRoot: string, path: string): string {
  return relative(workspaceRoot, path).split(sep).join('/');
}

function anatomyFiles(provider: string): string[] {
  return [
    'package.json',
    providerManifestFileName,
    'README.md',
    'LICENSE',
    'tsconfig.json',
    'tsconfig.build.json',
    'tsdown.config.ts',
    'vitest.config.ts',
    'vitest.contract.config.ts',
    'src/index.ts',
    `src/${provider}-client.ts`,
    `src/${provider}-errors.ts`,
    `src/${provider}-profile.ts`,
    'src/version.ts',
    'src/version.test.ts',
    'src/codegen-drift.test.ts',
    'src/mock-server.global-setup.ts',
    `src/${provider}-client.test.ts`,
    `src/${provider}-types.test-d.ts`,
    `src/${provider}.contract.ts`,
    `src/${provider}.demo.ts`,
    `src/generated/${provider}.ts`,
  ];
}

function findProviderProjects(workspaceRoot: string): ProviderProject[] {
  return listProviderRoots(workspaceRoot).map((root) => {
    const manifest = readJson(join(workspaceRoot, root, 'package.json'));
    return {
      name: basename(root),
      root: join(workspaceRoot, root),
      packageName: typeof manifest?.name === 'string' ? manifest.name : undefined,
    };
  });
}

/** The projects whose package.json or project.json carries the Nx tag `tag`, by folder name. */
function findProjectsTagged(workspaceRoot: string, tag: string): ProviderProject[] {
  const projects: ProviderProject[] = [];
  for (const folder of projectFolders) {
    for (const name of listDirectory(join(workspaceRoot, folder))) {
      const root = join(workspaceRoot, folder, name);
      const manifest = readJson(join(root, 'package.json'));
      const projectJson = readJson(join(root, 'project.json'));
      const tags = [...stringArray(objectAt(manifest, 'nx')?.tags), ...stringArray(projectJson?.tags)];
      if (!tags.includes(tag)) continue;
      const packageName = typeof manifest?.name === 'string' ? manifest.name : undefined;
      projects.push({ name, root, packageName });
    }
  }
  return projects.sort((left, right) => left.name.localeCompare(right.name));
}

function checkPublicSurface(packageRoot: string, provider: string, report: (problem: string) => void): void {
  const indexPath = join(packageRoot, 'src', 'index.ts');
  if (!existsSync(indexPath)) return;
  const exported = valueExportNames(indexPath, new Set());
  // The PascalCase of a provider (OneAssure, HelloClaims) is not derivable from its folder name, so
  // the names are compared ignoring case.
  for (const [pattern, expected] of [
    ['create<Provider>Client', `create${provider}client`],
    ['<Provider>ApiError', `${provider}apierror`],
  ]) {
    if (![...exported].some((name) => name.toLowerCase() === expected)) {
      report(`packages/${provider}/src/index.ts does not export ${pattern}: no value export is named ${expected}, ignoring case`);
    }
  }
}

/** The names a module exports as values, following `export * from './relative.js'`; type-only exports do not count. */
function valueExportNames(modulePath: string, visited: Set<string>): Set<string> {
  const names = new Set<string>();
  if (visited.has(modulePath) || !existsSync(modulePath)) return names;
  visited.add(modulePath);
  const sourceFile = ts.createSourceFile(modulePath, readFileSync(modulePath, 'utf8'), ts.ScriptTarget.Latest, true);
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      if (clause === undefined) {
        if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text.startsWith('.')) {
          const target = resolve(dirname(modulePath), statement.moduleSpecifier.text.replace(/\.js$/, '.ts'));
          for (const name of valueExportNames(target, visited)) names.add(name);
        }
      } else if (ts.isNamespaceExport(clause)) {
        names.add(clause.name.text);
      } else {
        for (const element of clause.elements) if (!element.isTypeOnly) names.add(element.name.text);
      }
      continue;
    }
    if (!hasExportModifier(statement)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

function hasExportModifier(statement: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
  );
}

function checkManifest(packageRoot: string, provider: string, otherProviders: ProviderProject[], report: (problem: string) => void): void {
  const path = `packages/${provider}/package.json`;
  const manifest = readJson(join(packageRoot, 'package.json'));
  if (manifest === undefined) {
    if (existsSync(join(packageRoot, 'package.json'))) report(`${path} is not valid JSON`);
    return;
  }

  if (manifest.name !== `@coverlink/${provider}`) report(`${path} is named ${JSON.stringify(manifest.name)}, not "@coverlink/${provider}"`);

  // The tags and targets are inferred from coverlink.provider.json (tools/workspace-plugin/src/plugin).
  if ('nx' in manifest) report(`${path} has an "nx" block: a provider's Nx tags and targets come from its ${providerManifestFileName}`);
  const declaration = join(packageRoot, providerManifestFileName);
  if (existsSync(declaration)) {
    try {
      readProviderManifest(declaration, dirname(dirname(packageRoot)));
    } catch (error) {
      report(error instanceof Error ? error.message : String(error));
    }
  }

  // Integrators start Prism and check their pacts against the spec the package ships.
  for (const [field, exports] of [
    ['exports', objectAt(manifest, 'exports')],
    ['publishConfig.exports', objectAt(objectAt(manifest, 'publishConfig'), 'exports')],
  ] as const) {
    if (exports?.['./openapi.yaml'] !== './dist/openapi.yaml') report(`${path} ${field} lacks "./openapi.yaml": "./dist/openapi.yaml"`);
  }

  const dependencies = objectAt(manifest, 'dependencies') ?? {};
  for (const runtime of ['@coverlink/core', '@coverlink/auth']) {
    if (!(runtime in dependencies)) report(`${path} does not list ${runtime} in dependencies`);
  }
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const dependency of Object.keys(objectAt(manifest, field) ?? {})) {
      const other = otherProviders.find((project) => project.packageName === dependency);
      if (other) report(`${path} lists another provider package, ${dependency}, in ${field}`);
    }
  }
}

function checkSourceImports(
  workspaceRoot: string,
  packageRoot: string,
  otherProviders: ProviderProject[],
  report: (problem: string) => void,
): void {
  for (const file of listSourceFiles(join(packageRoot, 'src'))) {
    const where = relative(workspaceRoot, file).split(sep).join('/');
    // preProcessFile reads every import, export-from, import() and require() and skips comments.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      const other = otherProviders.find((project) =>
        specifier.startsWith('.')
          ? isInside(resolve(dirname(file), specifier), project.root)
          : project.packageName !== undefined && (specifier === project.packageName || specifier.startsWith(`${project.packageName}/`)),
      );
      if (other) report(`${where} imports '${specifier}', which is the provider package ${other.packageName ?? other.name}`);
    }
  }
}

function checkTsconfigReferences(packageRoot: string, provider: string, report: (problem: string) => void): void {
  const path = join(packageRoot, 'tsconfig.json');
  if (!existsSync(path)) return;
  const { config, error } = ts.parseConfigFileTextToJson(path, readFileSync(path, 'utf8'));
  if (error) {
    report(`packages/${provider}/tsconfig.json cannot be parsed: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')}`);
    return;
  }
  const references: unknown[] = Array.isArray(config?.references) ? config.references : [];
  const referenced = references.flatMap((reference) => {
    const referencePath = isRecord(reference) ? reference.path : undefined;
    if (typeof referencePath !== 'string') return [];
    const target = resolve(packageRoot, referencePath);
    return [target.endsWith('.json') ? dirname(target) : target];
  });
  for (const library of ['core', 'auth']) {
    if (!referenced.includes(resolve(packageRoot, '..', library)))
      report(`packages/${provider}/tsconfig.json does not reference ../${library}`);
  }
}

function checkContracts(packageRoot: string, provider: string, report: (problem: string) => void): void {
  // The pact files themselves are written by test:contract and not committed, so the check reads
  // what writes them: the consumer tests, and the spec comparison and Prism replay after them.
  const path = join(packageRoot, 'src', `${provider}.contract.ts`);
  if (!existsSync(path)) return;
  const source = readFileSync(path, 'utf8');
  if (!source.includes(`'coverlink-${provider}'`)) {
    report(`packages/${provider}/src/${provider}.contract.ts records no pact for the consumer 'coverlink-${provider}'`);
  }
  if (!source.includes(`describeRecordedPactChecks('${provider}'`)) {
    report(`packages/${provider}/src/${provider}.contract.ts does not check its pacts with describeRecordedPactChecks('${provider}')`);
  }
}

function listSourceFiles(folder: string): string[] {
  return listDirectory(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return listSourceFiles(path);
    return sourceExtensions.some((extension) => name.endsWith(extension)) ? [path] : [];
  });
}

function listDirectory(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function objectAt(value: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
  const member = value?.[key];
  return isRecord(member) ? member : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isInside(path: string, folder: string): boolean {
  const fromFolder = relative(folder, path);
  return !fromFolder.startsWith('..') && !isAbsolute(fromFolder);
}
