// The generator for real: a copy of this workspace (the files git tracks or would track), a frozen
// install, `nx g @coverlink/workspace-plugin:provider`, then the new package's targets and the demo,
// untouched, for one provider of each auth pattern. Slow (several minutes), so it prints each step as it goes.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkProviderStructure } from '../structure/provider-structure.js';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const { packageManager } = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as { packageManager: string };

// The copy is a workspace of its own: none of this run's Nx task variables may leak into it.
const environment = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NX_') && !name.startsWith('VITEST'))),
  NX_DAEMON: 'false',
  NX_SKIP_NX_CACHE: 'true',
  NX_NO_CLOUD: 'true',
};

let copy: string;

/**
 * Runs a command in the copy, streaming its output (the steps take minutes) and returning stdout.
 * Asynchronous on purpose: a blocked worker misses vitest's heartbeats.
 */
function run(command: string, args: string[]): Promise<string> {
  console.log(`\n[generator test] ${command} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: copy, env: environment, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}.`))));
  });
}

const nx = (...args: string[]) => run(join(copy, 'node_modules/.bin/nx'), args);

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'coverlink-generator-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: workspaceRoot,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file.length > 0 && existsSync(join(workspaceRoot, file)));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(workspaceRoot, file), join(copy, file));
  }
  console.log(`[generator test] copied ${files.length} files to ${copy}`);
  await run('npx', ['--yes', packageManager, 'install', '--frozen-lockfile', '--prefer-offline']);
}, 600_000);

afterAll(() => {
  if (copy !== undefined) rmSync(copy, { recursive: true, force: true });
});

// One provider of each auth pattern, as `nx g` with `--auth` writes them.
const generated = [
  { name: 'acmehealth', displayName: 'Acme Health', auth: 'client-credentials', journey: 'Acme Health member journey' },
  { name: 'bravocare', displayName: 'Bravo Care', auth: 'authorization-code', journey: 'Bravo Care connection journey' },
  { name: 'charliemed', displayName: 'Charlie Med', auth: 'custom-token-endpoint', journey: 'Charlie Med member journey' },
];

it('adds one provider of each auth pattern whose targets pass untouched, and which the mocks, size budgets, docs and demo take in', async () => {
  const tracked = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: copy, encoding: 'utf8' });
  execFileSync('git', ['init', '--quiet'], { cwd: copy });
  execFileSync('git', ['add', '--all'], { cwd: copy });
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@127.0.0.1', 'commit', '--quiet', '-m', 'copy'], { cwd: copy });
  for (const provider of generated) {
    await nx(
      'g',
      '@coverlink/workspace-plugin:provider',
      provider.name,
      `--displayName=${provider.displayName}`,
      `--auth=${provider.auth}`,
      '--no-interactive',
    );
  }
  // A spec and a package each; the lockfile links them, and the docs' provider table is rewritten from the manifests.
  const touched = tracked()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.slice(3));
  expect(touched.filter((path) => !/^(specs|packages)\/(acmehealth|bravocare|charliemed)\//.test(path))).toEqual([
    'docs/README.md',
    'pnpm-lock.yaml',
  ]);

  const projects = generated.map((provider) => `@coverlink/${provider.name}`).join(',');
  await nx(
    'run-many',
    '-t',
    'codegen',
    'lint-spec',
    'typecheck',
    'lint',
    'test',
    'test:contract',
    'lint-package',
    `--projects=${projects}`,
  );
  // Registered where the workspace lists providers: the bundle budgets, the docs table and the API reference.
  const sizes = await nx('run', '@coverlink/bench:size');
  for (const provider of generated) expect(sizes).toContain(`@coverlink/${provider.name} (browser)`);
  await nx('run', '@coverlink/docs-check:test');
  await nx('run', 'coverlink:docs');

  for (const provider of generated) expect(checkProviderStructure(copy, provider.name)).toEqual([]);
  const demo = await nx('run', '@coverlink/demo:demo');
  for (const provider of generated) expect(demo).toContain(provider.journey);
  expect(demo.match(/✓ member mbr_01HW8GQ2KMNP3F4R5T6Y7U8I9O found, coverage ACTIVE/g)).toHaveLength(3);
}, 1_800_000);
