#!/usr/bin/env node
// The README's quick-start commands run through this file so that they work on a machine that has
// only Node and npm: it installs the pinned pnpm and the locked dependencies, then runs the given
// workspace binary (usually `nx ...`) with the workspace's node_modules/.bin on the PATH.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: install-and-run.mjs <workspace binary> [arguments...]');
  process.exit(2);
}

const environment = {
  ...process.env,
  PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
};

function run(step, executable, executableArguments) {
  console.log(`\n▶ ${step}: ${[executable, ...executableArguments].join(' ')}`);
  const result = spawnSync(executable, executableArguments, {
    cwd: root,
    env: environment,
    stdio: 'inherit',
  });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// corepack is not used on purpose: its signature check fails on locked-down machines, and npx
// fetches the exact pnpm the repository pins from the npm registry.
run('install', 'npx', ['--yes', packageManager, 'install', '--frozen-lockfile']);
run(command, command, args);
