// The generator for real: a copy of this workspace (the files git tracks or would track), a frozen
// install, `nx g @coverlink/workspace-plugin:provider`, then the new package's targets and the demo,
// untouched. Slow (a few minutes), so it prints each step as it goes.
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

it('adds a provider whose codegen, lint-spec, typecheck, lint, test, test:contract and lint-package pass untouched, and which the size budgets, the docs and the demo take in', async () => {
  await nx('g', '@coverlink/workspace-plugin:provider', 'acmehealth', '--displayName=Acme Health', '--no-interactive');

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
    '--projects=@coverlink/acmehealth',
  );
  // Registered where the workspace lists providers: the bundle budgets and the API reference build with it.
  expect(await nx('run', '@coverlink/bench:size')).toContain('@coverlink/acmehealth (browser)');
  await nx('run', 'coverlink:docs');

  expect(checkProviderStructure(copy, 'acmehealth')).toEqual([]);
  const demo = await nx('run', '@coverlink/demo:demo');
  expect(demo).toContain('Acme Health member journey');
  expect(demo).toContain('✓ member mbr_01HW8GQ2KMNP3F4R5T6Y7U8I9O found, coverage ACTIVE');
}, 900_000);
