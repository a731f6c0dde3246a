// 4. Test loop (opt-in, takes minutes): wall seconds of a cold run of the whole suite with the Nx
// cache skipped, then of two ordinary runs; the second of those is the cache-hit run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { progress } from './child.js';

export interface TestLoopRun {
  label: string;
  seconds: number;
  exitCode: number | null;
  /** Tasks Nx reported as failed (the suite can fail on work in progress; the timing still counts). */
  failedTasks: string[];
  /** How many of the tasks Nx took from its cache. */
  cacheHits?: string;
}

export interface TestLoopResult {
  command: string;
  /** When this step ran (a later run without --test-loop keeps it). */
  measuredAt: string;
  cold: TestLoopRun;
  warmUp: TestLoopRun;
  cacheHit: TestLoopRun;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const targets = ['lint-spec', 'lint', 'typecheck', 'test', 'test:contract'];

function runSuite(label: string, skipCache: boolean): Promise<TestLoopRun> {
  progress(`test loop: ${label} run started (nx run-many -t ${targets.join(' ')})`);
  const started = performance.now();
  const child = spawn(`${root}node_modules/.bin/nx`, ['run-many', '-t', ...targets, '--outputStyle=static'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false', ...(skipCache ? { NX_SKIP_NX_CACHE: 'true' } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lines = 0;
  let output = '';
  const count = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    for (const line of chunk.toString('utf8').split('\n')) {
      if (/Successfully ran|Failed|> nx run /.test(line)) {
        lines++;
        if (lines % 10 === 0)
          progress(`test loop: ${label}: ${Math.round((performance.now() - started) / 1000)} s, ${lines} task lines so far`);
      }
    }
  };
  child.stdout.on('data', count);
  child.stderr.on('data', count);
  return new Promise((resolve) => {
    child.on('close', (exitCode) => {
      const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
      progress(`test loop: ${label} run took ${seconds} s (exit ${exitCode})`);
      // Nx ends a failed run with "Failed tasks:" and one "- project:target" line per task.
      const failedSection = output.split('Failed tasks:')[1] ?? '';
      const failedTasks = [...failedSection.matchAll(/^\s*- (\S+:\S+)\s*$/gm)].map((match) => match[1] ?? '');
      // Static output prints one "> nx run project:target" line per task, tagged when it came from the cache.
      const taskLines = output.split('\n').filter((line) => /> nx run \S+:\S+/.test(line));
      const fromCache = taskLines.filter((line) => /\[(local cache|remote cache|existing outputs match the cache)/.test(line)).length;
      const cacheHits = taskLines.length === 0 ? undefined : `${fromCache} of ${taskLines.length} tasks`;
      resolve({ label, seconds, exitCode, failedTasks, ...(cacheHits === undefined ? {} : { cacheHits }) });
    });
  });
}

export async function measureTestLoop(): Promise<TestLoopResult> {
  const measuredAt = new Date().toISOString();
  const cold = await runSuite('cold (NX_SKIP_NX_CACHE=true)', true);
  const warmUp = await runSuite('first cached', false);
  const cacheHit = await runSuite('cache-hit', false);
  return { command: `nx run-many -t ${targets.join(' ')}`, measuredAt, cold, warmUp, cacheHit };
}
