// The Coverlink benchmark: client overhead (ten clients side by side; BENCH_QUICK=1 for a shorter
// run on a loaded machine), token economy, bundle sizes, the peak memory of a multipart upload with
// one retry, and (opt-in, --test-loop or BENCH_TEST_LOOP=1) the test-loop times. Prints a table of ratios and writes results.json and
// RESULTS.md next to this package. Never fails on a missed target: it reports it.
// `--only=test-loop` runs just the test-loop step and merges it into the existing results.json;
// `--only=jobs` does the same for refreshExpiringGrants() over 100,000 grants in Redis.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawnTypeScript, waitForOutput } from '@coverlink/test-kit/standalone';
import { type BundleSizeResult, measureBundleSizes } from './bundle-size.js';
import { type GrantRefreshJobResult, measureGrantRefreshJob } from './grant-refresh-job.js';
import { measureOverhead, type OverheadResult } from './overhead.js';
import { renderMarkdown, renderTable } from './report.js';
import { measureTestLoop, type TestLoopResult } from './test-loop.js';
import { measureColdClient, measureSharedRefresh, type TokenEconomyResult } from './token-economy.js';
import { measureUploadMemory, type UploadMemoryResult } from './upload-memory.js';

export interface Machine {
  date: string;
  node: string;
  os: string;
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  /** 1-minute load average at the start: the overhead ratios are noisy when it is above the core count. */
  loadAverage?: number;
}

export interface BenchResults {
  machine: Machine;
  overhead?: OverheadResult;
  tokenEconomy?: TokenEconomyResult;
  bundleSize?: BundleSizeResult;
  testLoop?: TestLoopResult;
  uploadMemory?: UploadMemoryResult;
  grantRefreshJob?: GrantRefreshJobResult;
}

const packageDirectory = fileURLToPath(new URL('../', import.meta.url));
const resultsPath = `${packageDirectory}results.json`;
const markdownPath = `${packageDirectory}RESULTS.md`;
const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length);
const withTestLoop = process.argv.includes('--test-loop') || process.env.BENCH_TEST_LOOP === '1' || only === 'test-loop';

function machine(): Machine {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    os: `${platform()} ${release()}`,
    cpuModel: cpu[0]?.model ?? 'unknown',
    cpuCount: cpu.length,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    freeMemoryGiB: Number((freemem() / 2 ** 30).toFixed(1)),
    loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
  };
}

async function main(): Promise<void> {
  const results: BenchResults =
    (only === 'test-loop' || only === 'jobs') && existsSync(resultsPath)
      ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults)
      : { machine: machine() };
  // A results.json written before the side-by-side overhead benchmark has no targets list to render.
  if (results.overhead !== undefined && !Array.isArray(results.overhead.targets)) delete results.overhead;

  if (only === undefined) {
    console.log('Coverlink benchmark');
    const server = spawnTypeScript(fileURLToPath(new URL('./server.ts', import.meta.url)));
    try {
      const [, port] = await waitForOutput(server.stdout, /listening (\d+)/);
      const baseUrl = `http://127.0.0.1:${port}`;
      console.log(`  ✓ benchmark server (separate process) at ${baseUrl}`);
      results.overhead = await measureOverhead(baseUrl);
      results.uploadMemory = await measureUploadMemory(baseUrl);
      const cold = await measureColdClient(baseUrl);
      results.tokenEconomy = { cold };
    } finally {
      server.kill('SIGTERM');
    }
    if (results.tokenEconomy !== undefined) {
      try {
        results.tokenEconomy.shared = await measureSharedRefresh();
      } catch (error) {
        results.tokenEconomy.sharedSkipped = error instanceof Error ? error.message : String(error);
        console.log(`  ✗ shared-refresh step skipped: ${results.tokenEconomy.sharedSkipped}`);
      }
    }
    results.bundleSize = await measureBundleSizes();
  }
  if (only === 'jobs') results.grantRefreshJob = await measureGrantRefreshJob();
  if (withTestLoop) {
    results.testLoop = await measureTestLoop();
  } else if (only === undefined) {
    // Keep the last test-loop result (it carries its own date) rather than dropping it.
    const previous = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults).testLoop : undefined;
    if (previous !== undefined) results.testLoop = previous;
    console.log('  (test-loop step skipped: pass --test-loop or BENCH_TEST_LOOP=1; it takes minutes)');
  }

  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdownPath, renderMarkdown(results));
  // Both files are committed, so they leave in the shape the lint target checks.
  execFileSync(
    fileURLToPath(new URL('../../../node_modules/.bin/biome', import.meta.url)),
    ['format', '--write', resultsPath, markdownPath],
    {
      stdio: 'ignore',
    },
  );
  console.log('');
  console.log(renderTable(results));
  console.log(`\nWrote ${resultsPath} and ${markdownPath}`);
}

await main();
