import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, workspaceRoot } from './release-flow.js';

// `changeset version` on a copy of the workspace's manifests and Changesets configuration: what a
// release would bump, without touching the real files.
let copy: string;

function workspaceManifests(): string[] {
  return ['packages', 'mocks', 'tools'].flatMap((group) =>
    readdirSync(join(workspaceRoot, group))
      .map((name) => `${group}/${name}`)
      .filter((folder) => existsSync(join(workspaceRoot, folder, 'package.json'))),
  );
}

function versions(): Record<string, string> {
  return Object.fromEntries(
    workspaceManifests().map((folder) => {
      const manifest = JSON.parse(readFileSync(join(copy, folder, 'package.json'), 'utf8')) as { name: string; version: string };
      return [manifest.name, manifest.version];
    }),
  );
}

/** Runs `changeset version` with `changeset` as the only pending one; returns the new versions of what it bumped. */
async function bump(changeset: string): Promise<Record<string, string>> {
  for (const file of readdirSync(join(copy, '.changeset')))
    if (file.endsWith('.md') && file !== 'README.md') rmSync(join(copy, '.changeset', file));
  writeFileSync(join(copy, '.changeset', 'under-test.md'), `---\n${changeset}\n---\n\nThe change under test.\n`);
  const before = versions();
  await run(join(workspaceRoot, 'node_modules', '.bin', 'changeset'), ['version'], { cwd: copy });
  const after = versions();
  return Object.fromEntries(Object.entries(after).filter(([name, version]) => before[name] !== version));
}

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'coverlink-versioning-'));
  for (const path of [
    'package.json',
    'pnpm-workspace.yaml',
    '.changeset',
    ...workspaceManifests().map((folder) => `${folder}/package.json`),
  ]) {
    cpSync(join(workspaceRoot, path), join(copy, path), { recursive: true });
  }
});

afterEach(() => rmSync(copy, { recursive: true, force: true }));

describe('a changeset', () => {
  it('bumps the package it names, and its dependents by a patch, and nothing else', async () => {
    expect(await bump('"@coverlink/auth": minor')).toEqual({
      '@coverlink/auth': '0.2.0',
      '@coverlink/osigu': '0.1.1',
      '@coverlink/oneassure': '0.1.1',
      '@coverlink/helloclaims': '0.1.1',
      '@coverlink/cli': '0.1.1',
    });
  });

  it('of a provider package bumps that package and the CLI only', async () => {
    expect(await bump('"@coverlink/osigu": patch')).toEqual({ '@coverlink/osigu': '0.1.1', '@coverlink/cli': '0.1.1' });
  });

  it('never versions a private package, even one that depends on the bumped package', async () => {
    const bumped = await bump('"@coverlink/core": patch');
    const privateNames = workspaceManifests()
      .map((folder) => JSON.parse(readFileSync(join(copy, folder, 'package.json'), 'utf8')) as { name: string; private?: boolean })
      .filter((manifest) => manifest.private === true)
      .map((manifest) => manifest.name);
    expect(privateNames).toContain('@coverlink/example-portal');
    for (const name of privateNames) expect(bumped).not.toHaveProperty(name);
    expect(Object.keys(bumped).sort()).toEqual([
      '@coverlink/auth',
      '@coverlink/cli',
      '@coverlink/core',
      '@coverlink/helloclaims',
      '@coverlink/oneassure',
      '@coverlink/osigu',
    ]);
  });
});
