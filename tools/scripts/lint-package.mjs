#!/usr/bin/env node
// The `lint-package` target: lints the tarball `pnpm publish` would upload, not the folder, because
// pnpm pack applies publishConfig (the exports without the workspace's `@coverlink/source` condition)
// and rewrites the `workspace:` and `catalog:` ranges. publint checks the package.json against the
// files; @arethetypeswrong/cli resolves every entry point as node10, node16 (from CommonJS and from
// ESM) and bundler would, and fails on any problem. Then the file list: what every Coverlink package
// ships (README.md, LICENSE) and what none may (build caches, tests, source maps into unshipped src).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageFolder = process.argv[2];
if (!packageFolder) {
  console.error('usage: lint-package.mjs <package folder>');
  process.exit(2);
}
// Each package keeps a copy of the root LICENSE (npm ships a package's own LICENSE file only).
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
if (readFileSync(join(packageFolder, 'LICENSE'), 'utf8') !== readFileSync(join(root, 'LICENSE'), 'utf8')) {
  console.error(`${packageFolder}/LICENSE differs from the root LICENSE: copy it over.`);
  process.exit(1);
}
const destination = mkdtempSync(join(tmpdir(), 'coverlink-pack-'));
try {
  execFileSync('pnpm', ['pack', '--pack-destination', destination], {
    cwd: resolve(packageFolder),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarballName = readdirSync(destination).find((name) => name.endsWith('.tgz'));
  if (tarballName === undefined) throw new Error(`pnpm pack wrote no tarball for ${packageFolder}`);
  const tarball = join(destination, tarballName);
  execFileSync('publint', ['--strict', tarball], { stdio: 'inherit' });
  // attw resolves code and JSON; a data export such as a provider's `./openapi.yaml` is neither, and
  // publint has already checked that its file is in the tarball.
  const exportsField = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')).exports ?? {};
  const dataEntryPoints = Object.keys(exportsField).filter((entry) => /\.ya?ml$/.test(entry));
  execFileSync('attw', [tarball, ...(dataEntryPoints.length > 0 ? ['--exclude-entrypoints', ...dataEntryPoints] : [])], {
    stdio: 'inherit',
  });
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''));
  const forbidden = files.filter((file) => /\.tsbuildinfo$|\.test(-d)?\.|\.test-support\.|\.contract\.|\.map$/.test(file));
  const missing = ['README.md', 'LICENSE', 'package.json'].filter((file) => !files.includes(file));
  if (forbidden.length > 0 || missing.length > 0) {
    console.error(
      `${tarballName}: ${forbidden.length > 0 ? `ships ${forbidden.join(', ')}` : ''}${missing.length > 0 ? ` lacks ${missing.join(', ')}` : ''}`,
    );
    process.exit(1);
  }
  console.log(`${tarballName}: ${files.length} files, README.md and LICENSE included, no build caches, tests or source maps.`);
} catch (error) {
  // publint and attw have printed their findings already; a stack trace would only bury them.
  console.error(`lint-package ${packageFolder}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(destination, { recursive: true, force: true });
}
