import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { LocalRegistry } from './local-registry.js';
import { run, workspaceRoot } from './release-flow.js';

/**
 * The first `ts` code block after `heading` in a Markdown file: the examples the test runs are the
 * ones the docs show, so a docs example that stops compiling or working fails here.
 */
export function codeBlockAfter(markdownFile: string, heading: string): string {
  const markdown = readFileSync(join(workspaceRoot, markdownFile), 'utf8');
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`${markdownFile} has no heading "${heading}"`);
  const block = /```ts\n([\s\S]*?)```/.exec(markdown.slice(start));
  if (block?.[1] === undefined) throw new Error(`${markdownFile} has no ts block after "${heading}"`);
  return block[1];
}

/** Every `ts` code block of a Markdown file. */
export function codeBlocksOf(markdownFile: string): string[] {
  const markdown = readFileSync(join(workspaceRoot, markdownFile), 'utf8');
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** TypeScript source with its types stripped, as a JavaScript user would write it. */
export function asJavaScript(source: string, module: 'commonjs' | 'esm'): string {
  return ts.transpileModule(source, {
    compilerOptions: { module: module === 'commonjs' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

/** Writes files (paths relative to `folder`), creating folders as needed. */
export function writeFiles(folder: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
}

/**
 * A fresh app folder outside the workspace whose npm takes `@coverlink/*` from the local registry
 * and everything else from npm's registry, as a user's project with a scoped registry would.
 */
export function createApp(folder: string, registry: LocalRegistry, manifest: Record<string, unknown>): void {
  writeFiles(folder, {
    'package.json': `${JSON.stringify({ name: 'coverlink-consumer', version: '1.0.0', private: true, ...manifest }, null, 2)}\n`,
    '.npmrc': `@coverlink:registry=${registry.url}\n`,
  });
}

/** `npm install` of the given package specs into an app folder. */
export async function npmInstall(folder: string, specs: readonly string[]): Promise<void> {
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...specs], { cwd: folder });
}

/** The installed footprint of an app: how many packages its node_modules holds, and their bytes on disk. */
export async function installedFootprint(folder: string): Promise<{ packages: number; bytes: number }> {
  const listing = (await run('npm', ['ls', '--all', '--parseable'], { cwd: folder })).split('\n').filter(Boolean);
  return { packages: new Set(listing.slice(1)).size, bytes: folderBytes(join(folder, 'node_modules')) };
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** Runs the workspace's TypeScript compiler on a project in an app folder (it resolves modules from the app). */
export async function compile(folder: string, project: string): Promise<void> {
  await run(process.execPath, [join(workspaceRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--project', project], { cwd: folder });
}
